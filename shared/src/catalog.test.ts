import { describe, expect, it } from "vitest";
import {
  applyStylePreset,
  ASPECT_RATIOS,
  billedMegapixels,
  CATALOG,
  catalogModelSchema,
  endpointFor,
  estimateCredits,
  FAL_IMAGE_SIZE_PRESETS,
  findModel,
  nearestAspectRatio,
  OPERATIONS,
  paramsFor,
  STYLE_PRESETS,
} from "./catalog";

const model = (id: string) => {
  const m = findModel(id);
  if (!m) throw new Error(`missing ${id}`);
  return m;
};

describe("catalog entries", () => {
  it("lists every model the product names, once each", () => {
    const ids = CATALOG.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      "fal-ai/flux/dev",
      "fal-ai/flux/schnell",
      "fal-ai/flux-pro/v1.1",
      "fal-ai/flux-pro/v1.1-ultra",
      "fal-ai/fast-sdxl",
      "fal-ai/fast-lightning-sdxl",
      "fal-ai/flux-lora",
      "fal-ai/face-to-sticker",
      "fal-ai/aura-flow",
      "fal-ai/clarity-upscaler",
      "fal-ai/imageutils/rembg",
      "fal-ai/birefnet/v2",
      "fal-ai/flux-pro/v1/fill",
      "local/sketch",
      "local/sketch-fast",
      "local/inpaint",
      "local/upscale",
      "local/remove-background",
    ]) {
      expect(ids, id).toContain(id);
    }
    // Ids that do not exist on fal must not creep in.
    expect(ids).not.toContain("fal-ai/flux-pro");
    expect(ids).not.toContain("fal-ai/stable-diffusion-xl");
  });

  it("every entry matches the zod mirror (what the models table stores)", () => {
    for (const m of CATALOG) {
      const parsed = catalogModelSchema.safeParse(m);
      expect(parsed.success, `${m.id}: ${parsed.success ? "" : parsed.error.message}`).toBe(true);
    }
  });

  it("fal models name an endpoint for each operation and link to fal's model page", () => {
    for (const m of CATALOG.filter((x) => x.provider === "fal")) {
      expect(m.docsUrl).toBe(`https://fal.ai/models/${m.id}`);
      for (const op of m.operations)
        expect(endpointFor(m, op), `${m.id} ${op}`).toMatch(/^fal-ai\/[\w.-]+(\/[\w.-]+)*$/);
      for (const op of Object.keys(m.endpoints)) expect(m.operations).toContain(op);
    }
    expect(endpointFor(model("fal-ai/flux/dev"), "variation")).toBe("fal-ai/flux-1/dev/redux");
    expect(endpointFor(model("fal-ai/flux/dev"), "image-to-image")).toBe("fal-ai/flux/dev/image-to-image");
    expect(endpointFor(model("fal-ai/flux/dev"), "inpaint")).toBeUndefined();
    expect(model("fal-ai/imageutils/rembg").successor).toBe("fal-ai/birefnet/v2");
    expect(model("fal-ai/fast-sdxl").description).toContain("fal-ai/stable-diffusion-xl");
  });

  it("local models cost one nominal credit, have no fal endpoints and say plainly they are not AI", () => {
    const local = CATALOG.filter((m) => m.provider === "local");
    expect(local.map((m) => m.id).sort()).toEqual([
      "local/animate",
      "local/inpaint",
      "local/remove-background",
      "local/sketch",
      "local/sketch-fast",
      "local/upscale",
    ]);
    for (const m of local) {
      expect(m.id.startsWith("local/")).toBe(true);
      expect(m.endpoints).toEqual({});
      expect(m.pricing.credits).toBe(1);
      expect(m.description.toLowerCase()).toContain("not ai");
      expect(m.category).toBe("local");
    }
    expect(model("local/sketch").operations).toEqual([
      "text-to-image",
      "image-to-image",
      "variation",
      "style-transfer",
    ]);
    expect(model("local/inpaint").operations).toEqual(["inpaint", "outpaint"]);
  });

  it("parameter specs are consistent: defaults inside ranges/options, one spec per key and operation", () => {
    for (const m of CATALOG) {
      for (const op of m.operations) {
        const keys = paramsFor(m, op).map((p) => p.key);
        expect(new Set(keys).size, `${m.id} ${op}`).toBe(keys.length);
      }
      for (const p of m.params) {
        const where = `${m.id}.${p.key}`;
        for (const op of p.operations ?? []) expect(m.operations, where).toContain(op);
        if (p.type === "enum") {
          expect(p.options?.length, where).toBeGreaterThan(0);
          expect(p.options, where).toContain(p.default);
        }
        if ((p.type === "int" || p.type === "float") && typeof p.default === "number") {
          if (p.options) expect(p.options, where).toContain(p.default);
          else expect(p.default >= (p.min ?? -Infinity) && p.default <= (p.max ?? Infinity), where).toBe(true);
        }
      }
    }
  });

  it("operations are the provider contract's list", () => {
    expect(OPERATIONS).toEqual([
      "text-to-image",
      "image-to-image",
      "inpaint",
      "outpaint",
      "variation",
      "upscale",
      "remove-background",
      "style-transfer",
      "image-to-video",
    ]);
  });

  it("video models are billed per second of output; the local one per video", () => {
    const kling = CATALOG.find((m) => m.id === "fal-ai/kling-video/v2.1/standard/image-to-video")!;
    const size = { operation: "image-to-video" as const, width: 1024, height: 768, numImages: 1 };
    expect(estimateCredits(kling, size)).toBe(280);
    expect(estimateCredits(kling, { ...size, durationSeconds: 10 })).toBe(560);
    expect(estimateCredits(CATALOG.find((m) => m.id === "local/animate")!, { ...size, durationSeconds: 4 })).toBe(1);
  });
});

describe("pricing and estimates", () => {
  it("carries the agreed prices (1 credit = $0.001)", () => {
    const price = (id: string) => model(id).pricing;
    expect(price("fal-ai/flux/dev")).toMatchObject({ unit: "megapixel", credits: 25, priceConfirmed: true });
    expect(price("fal-ai/flux/schnell")).toMatchObject({ unit: "megapixel", credits: 3 });
    expect(price("fal-ai/flux-lora")).toMatchObject({ unit: "megapixel", credits: 35 });
    expect(price("fal-ai/flux-pro/v1.1")).toMatchObject({ unit: "image", credits: 40, priceConfirmed: false });
    expect(price("fal-ai/flux-pro/v1.1-ultra")).toMatchObject({ unit: "image", credits: 60, priceConfirmed: true });
    expect(price("fal-ai/clarity-upscaler")).toMatchObject({ unit: "megapixel", credits: 30 });
    expect(price("fal-ai/fast-sdxl")).toMatchObject({ unit: "image", credits: 3 });
    for (const id of ["fal-ai/aura-flow", "fal-ai/face-to-sticker", "fal-ai/imageutils/rembg", "fal-ai/birefnet/v2"]) {
      expect(price(id).priceConfirmed, id).toBe(false);
    }
  });

  it("bills megapixel models per image, rounding up to whole megapixels", () => {
    expect(billedMegapixels(1024, 1024)).toBe(1);
    expect(billedMegapixels(1025, 1024)).toBe(2);
    expect(billedMegapixels(512, 512)).toBe(1);
    const dev = model("fal-ai/flux/dev");
    expect(estimateCredits(dev, { operation: "text-to-image", width: 1024, height: 1024, numImages: 1 })).toBe(25);
    expect(estimateCredits(dev, { operation: "text-to-image", width: 1024, height: 1024, numImages: 3 })).toBe(75);
    expect(estimateCredits(dev, { operation: "text-to-image", width: 2048, height: 2048, numImages: 1 })).toBe(100);
    expect(
      estimateCredits(model("fal-ai/flux/schnell"), {
        operation: "text-to-image",
        width: 1360,
        height: 768,
        numImages: 4,
      }),
    ).toBe(12);
  });

  it("prices per-image models by count, upscales by output size, and local models at one nominal credit per image", () => {
    expect(
      estimateCredits(model("fal-ai/flux-pro/v1.1-ultra"), {
        operation: "text-to-image",
        width: 1,
        height: 1,
        numImages: 2,
      }),
    ).toBe(120);
    expect(
      estimateCredits(model("fal-ai/flux-pro/v1.1"), {
        operation: "variation",
        width: 1024,
        height: 1024,
        numImages: 1,
      }),
    ).toBe(50);
    const clarity = model("fal-ai/clarity-upscaler");
    expect(estimateCredits(clarity, { operation: "upscale", width: 1024, height: 1024, numImages: 1 })).toBe(120); // 2× → 4 MP
    expect(estimateCredits(clarity, { operation: "upscale", width: 1024, height: 1024, numImages: 1, scale: 4 })).toBe(
      480,
    );
    expect(
      estimateCredits(model("local/sketch"), { operation: "text-to-image", width: 1024, height: 1024, numImages: 4 }),
    ).toBe(4);
  });

  it("never bills more images than the model can make", () => {
    expect(
      estimateCredits(model("fal-ai/fast-sdxl"), {
        operation: "text-to-image",
        width: 1024,
        height: 1024,
        numImages: 50,
      }),
    ).toBe(12);
  });
});

describe("sizes, presets and helpers", () => {
  it("aspect ratios sit just under one billed megapixel, in multiples of 16, with the right shape", () => {
    for (const r of ASPECT_RATIOS) {
      expect(r.width % 16, r.id).toBe(0);
      expect(r.height % 16, r.id).toBe(0);
      expect(r.width * r.height, r.id).toBeLessThanOrEqual(1024 * 1024);
      expect(r.width * r.height, r.id).toBeGreaterThan(0.9 * 1024 * 1024);
      const [a, b] = r.id.split(":").map(Number) as [number, number];
      expect(Math.abs(r.width / r.height / (a / b) - 1), r.id).toBeLessThan(0.01);
      if ("falPreset" in r) {
        const preset = FAL_IMAGE_SIZE_PRESETS[r.falPreset];
        expect(Math.abs(preset.width / preset.height / (a / b) - 1), r.id).toBeLessThan(0.01);
      }
    }
    expect(ASPECT_RATIOS.map((r) => r.id)).toEqual(["1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3", "21:9"]);
  });

  it("finds the nearest aspect ratio", () => {
    expect(nearestAspectRatio(1920, 1080).id).toBe("16:9");
    expect(nearestAspectRatio(1000, 1000).id).toBe("1:1");
    expect(nearestAspectRatio(600, 900).id).toBe("2:3");
    expect(nearestAspectRatio(2560, 1080).id).toBe("21:9");
    expect(nearestAspectRatio(2560, 1080, ["1:1", "16:9"]).id).toBe("16:9");
  });

  it("appends style presets to prompts", () => {
    expect(applyStylePreset("a cat.", "anime")).toBe(`a cat, ${STYLE_PRESETS.anime}`);
    expect(applyStylePreset("a cat", "none")).toBe("a cat");
    expect(applyStylePreset("a cat", "toString")).toBe("a cat");
    expect(applyStylePreset("", "watercolor")).toBe(STYLE_PRESETS.watercolor);
  });
});
