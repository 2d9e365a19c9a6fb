/**
 * The real @fal-ai/client, through FalProvider, against the local fake: what each model family sends
 * (exact input JSON), where it sends it, and what comes back.
 */
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeFal, startFakeFal } from "../../../test/fake-fal";
import { decodeDataUri, providerInput, runToCompletion, testImage, waitForState } from "../../../test/fake-fal/helpers";
import { FalProvider } from "./provider";

let fake: FakeFal;
let fal: FalProvider;

beforeAll(async () => {
  fake = await startFakeFal();
  fal = new FalProvider({ key: fake.key, queueUrl: fake.url });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

const lastSubmit = () => {
  const s = fake.submits();
  if (!s.length) throw new Error("nothing submitted");
  return s.at(-1)!;
};

describe("text-to-image per model family", () => {
  it("FLUX.1 [dev]: image_size preset, steps, guidance, safety checker, output_format", async () => {
    const { requestId, result } = await runToCompletion(
      fal,
      providerInput("fal-ai/flux/dev", "text-to-image", { width: 1024, height: 1024 }),
    );
    expect(lastSubmit()).toMatchObject({ endpoint: "fal-ai/flux/dev" });
    expect(lastSubmit().input).toEqual({
      prompt: "a red fox in the snow",
      image_size: "square_hd",
      num_inference_steps: 28,
      guidance_scale: 3.5,
      enable_safety_checker: true,
      output_format: "jpeg",
      acceleration: "none",
      seed: 42,
      num_images: 1,
    });
    // status/result use only owner/app, with the key and the client's headers
    const paths = fake.requests.map((r) => `${r.method} ${r.path}`);
    expect(paths).toContain(`GET /fal-ai/flux/requests/${requestId}/status`);
    expect(paths).toContain(`GET /fal-ai/flux/requests/${requestId}`);
    const submit = fake.requests.find((r) => r.method === "POST")!;
    expect(submit.headers.authorization).toBe("Key test-id:test-secret");
    expect(submit.headers["user-agent"]).toMatch(/^@fal-ai\/client\//);
    expect(JSON.parse(submit.headers["x-fal-object-lifecycle-preference"]!)).toEqual({
      expiration_duration_seconds: 7 * 86400,
    });
    expect(result.images).toHaveLength(1);
    expect(result.images[0]).toMatchObject({ contentType: "image/jpeg", width: 1024, height: 1024 });
    expect((await sharp(result.images[0]!.data).metadata()).format).toBe("jpeg");
    expect(result.seed).toBe(42);
    expect(result.nsfw).toEqual([false]);
  });

  it("sends a custom {width,height} when the size is not a preset, and appends the style preset", async () => {
    await runToCompletion(
      fal,
      providerInput("fal-ai/flux/dev", "text-to-image", {
        aspectRatio: "16:9",
        stylePreset: "anime",
        outputFormat: "png",
        numImages: 2,
      }),
    );
    const input = lastSubmit().input as Record<string, unknown>;
    expect(input.image_size).toEqual({ width: 1360, height: 768 });
    expect(input.prompt).toBe("a red fox in the snow, anime illustration, clean line art, vibrant cel shading");
    expect(input).toMatchObject({ output_format: "png", num_images: 2 });
  });

  it("FLUX.1 [schnell]: no guidance_scale, its own step default", async () => {
    const { result } = await runToCompletion(
      fal,
      providerInput("fal-ai/flux/schnell", "text-to-image", { aspectRatio: "4:3" }),
    );
    const input = lastSubmit().input as Record<string, unknown>;
    expect(lastSubmit().endpoint).toBe("fal-ai/flux/schnell");
    expect(input).toMatchObject({ num_inference_steps: 4, image_size: { width: 1152, height: 864 } });
    expect(input).not.toHaveProperty("guidance_scale");
    expect(result.images[0]).toMatchObject({ width: 1152, height: 864 });
  });

  it("FLUX1.1 [pro]: safety_tolerance and enhance_prompt, no steps/guidance/safety checker/negative prompt", async () => {
    await runToCompletion(
      fal,
      providerInput(
        "fal-ai/flux-pro/v1.1",
        "text-to-image",
        { width: 1024, height: 768, safetyTolerance: "4" },
        { negativePrompt: "blurry" },
      ),
    );
    expect(lastSubmit().input).toEqual({
      prompt: "a red fox in the snow",
      image_size: "landscape_4_3",
      safety_tolerance: "4",
      enhance_prompt: false,
      output_format: "jpeg",
      seed: 42,
      num_images: 1,
    });
  });

  it("FLUX1.1 [pro] ultra: aspect_ratio instead of image_size, raw mode", async () => {
    const { result } = await runToCompletion(
      fal,
      providerInput("fal-ai/flux-pro/v1.1-ultra", "text-to-image", { aspectRatio: "21:9", raw: true }),
    );
    const input = lastSubmit().input as Record<string, unknown>;
    expect(input).toMatchObject({ aspect_ratio: "21:9", raw: true, safety_tolerance: "2" });
    expect(input).not.toHaveProperty("image_size");
    expect(result.images[0]!.width / result.images[0]!.height).toBeCloseTo(21 / 9, 1);
  });

  it("fast-sdxl: `format` (not output_format), negative prompt, LoRAs", async () => {
    const loras = [{ path: "https://example.com/style.safetensors", scale: 0.7 }];
    const { result } = await runToCompletion(
      fal,
      providerInput(
        "fal-ai/fast-sdxl",
        "text-to-image",
        { outputFormat: "png", loras, guidanceScale: 6 },
        { negativePrompt: "  blurry, low quality " },
      ),
    );
    expect(lastSubmit().input).toEqual({
      prompt: "a red fox in the snow",
      negative_prompt: "blurry, low quality",
      num_inference_steps: 25,
      guidance_scale: 6,
      loras,
      expand_prompt: false,
      enable_safety_checker: true,
      format: "png",
      image_size: "square_hd",
      seed: 42,
      num_images: 1,
    });
    expect(result.images[0]!.contentType).toBe("image/png");
  });

  it("SDXL Lightning: steps as a string enum, no guidance or negative prompt, up to 8 images", async () => {
    const { result } = await runToCompletion(
      fal,
      providerInput(
        "fal-ai/fast-lightning-sdxl",
        "text-to-image",
        { steps: 2, numImages: 8 },
        { negativePrompt: "blurry" },
      ),
    );
    const input = lastSubmit().input as Record<string, unknown>;
    expect(input.num_inference_steps).toBe("2");
    expect(input).not.toHaveProperty("guidance_scale");
    expect(input).not.toHaveProperty("negative_prompt");
    expect(result.images).toHaveLength(8);
  });

  it("FLUX LoRA: loras list, guidance up to 35", async () => {
    const loras = [{ path: "owner/my-style", scale: 1 }];
    await runToCompletion(
      fal,
      providerInput("fal-ai/flux-lora", "text-to-image", { loras, guidanceScale: 20, acceleration: "regular" }),
    );
    expect(lastSubmit()).toMatchObject({
      endpoint: "fal-ai/flux-lora",
      input: { loras, guidance_scale: 20, acceleration: "regular" },
    });
  });

  it("AuraFlow: no image_size at all, expand_prompt on by default", async () => {
    const { result } = await runToCompletion(fal, providerInput("fal-ai/aura-flow", "text-to-image"));
    expect(lastSubmit().input).toEqual({
      prompt: "a red fox in the snow",
      num_inference_steps: 50,
      guidance_scale: 3.5,
      expand_prompt: true,
      seed: 42,
      num_images: 1,
    });
    expect(result.images[0]).toMatchObject({ width: 1024, height: 1024 });
  });
});

describe("image operations", () => {
  it("image-to-image (FLUX dev): its own endpoint, inline PNG source, strength, output at the source size", async () => {
    const source = await testImage(320, 240);
    const { result } = await runToCompletion(
      fal,
      providerInput(
        "fal-ai/flux/dev",
        "image-to-image",
        { strength: 0.6, width: 320, height: 240 },
        { sourceImage: source },
      ),
    );
    const { endpoint, input } = lastSubmit() as { endpoint: string; input: Record<string, unknown> };
    expect(endpoint).toBe("fal-ai/flux/dev/image-to-image");
    const sent = decodeDataUri(input.image_url);
    expect(sent.contentType).toBe("image/png");
    expect(sent.data.equals(source)).toBe(true); // (Buffer.equals: deep toEqual on bytes is slow)
    expect(input).toMatchObject({ strength: 0.6, num_inference_steps: 28 });
    expect(input).not.toHaveProperty("image_size");
    expect(result.images[0]).toMatchObject({ width: 320, height: 240 });
  });

  it("variation (FLUX dev redux) lives under another app; a fresh provider still finds the request", async () => {
    const source = await testImage(64, 64, { format: "jpeg" });
    const { requestId } = await fal.submit(providerInput("fal-ai/flux/dev", "variation", {}, { sourceImage: source }));
    const { endpoint, input } = lastSubmit() as { endpoint: string; input: Record<string, unknown> };
    expect(endpoint).toBe("fal-ai/flux-1/dev/redux");
    expect(input).not.toHaveProperty("prompt");
    expect(decodeDataUri(input.image_url).contentType).toBe("image/jpeg");
    // After a restart the provider no longer remembers the endpoint: it tries each app of the model.
    const restarted = new FalProvider({ key: fake.key, queueUrl: fake.url });
    await waitForState(restarted, "fal-ai/flux/dev", requestId, "completed");
    const result = await restarted.result("fal-ai/flux/dev", requestId);
    expect(result.images).toHaveLength(1);
    const statusPaths = fake.requests.filter((r) => r.path.endsWith("/status")).map((r) => r.path);
    expect(statusPaths).toContain(`/fal-ai/flux/requests/${requestId}/status`); // tried first, 404
    expect(statusPaths).toContain(`/fal-ai/flux-1/requests/${requestId}/status`);
  });

  it("inpaint (FLUX Fill): image_url + mask_url, safety_tolerance, result at the source size", async () => {
    const source = await testImage(200, 100);
    const mask = await testImage(200, 100);
    const { result } = await runToCompletion(
      fal,
      providerInput(
        "fal-ai/flux-pro/v1/fill",
        "inpaint",
        {},
        { sourceImage: source, maskImage: mask, prompt: "a hat" },
      ),
    );
    const { endpoint, input } = lastSubmit() as { endpoint: string; input: Record<string, unknown> };
    expect(endpoint).toBe("fal-ai/flux-pro/v1/fill");
    expect(Object.keys(input).sort()).toEqual([
      "enhance_prompt",
      "image_url",
      "mask_url",
      "num_images",
      "output_format",
      "prompt",
      "safety_tolerance",
      "seed",
    ]);
    expect(decodeDataUri(input.mask_url).data.equals(mask)).toBe(true);
    expect(result.images[0]).toMatchObject({ width: 200, height: 100 });
  });

  it("outpaint (FLUX Fill): the canvas is extended and the mask is white only over the new area", async () => {
    const source = await testImage(64, 48);
    const { result } = await runToCompletion(
      fal,
      providerInput(
        "fal-ai/flux-pro/v1/fill",
        "outpaint",
        {},
        { sourceImage: source, extend: { top: 0, right: 16, bottom: 8, left: 16 } },
      ),
    );
    const input = lastSubmit().input as Record<string, unknown>;
    const image = await sharp(decodeDataUri(input.image_url).data).metadata();
    expect([image.width, image.height]).toEqual([96, 56]);
    const { data } = await sharp(decodeDataUri(input.mask_url).data)
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => data[y * 96 + x];
    expect(at(2, 10)).toBe(255); // left band: repaint
    expect(at(50, 54)).toBe(255); // bottom band: repaint
    expect(at(50, 20)).toBe(0); // original area: keep
    expect(result.images[0]).toMatchObject({ width: 96, height: 56 });
  });

  it("inpaint (fast-sdxl): mask, strength and an explicit canvas from the source size", async () => {
    const source = await testImage(300, 200);
    await runToCompletion(
      fal,
      providerInput(
        "fal-ai/fast-sdxl",
        "inpaint",
        { width: 300, height: 200, strength: 0.8 },
        { sourceImage: source, maskImage: source },
      ),
    );
    expect(lastSubmit()).toMatchObject({
      endpoint: "fal-ai/fast-sdxl/inpainting",
      input: { strength: 0.8, image_size: { width: 304, height: 200 }, format: "jpeg" },
    });
  });

  it("upscale (Clarity): upscale_factor, creativity, resemblance; result is the upscaled image", async () => {
    const source = await testImage(100, 80);
    const { result } = await runToCompletion(
      fal,
      providerInput(
        "fal-ai/clarity-upscaler",
        "upscale",
        { width: 100, height: 80, scale: 2, creativity: 0.2 },
        { sourceImage: source, prompt: "" },
      ),
    );
    const input = lastSubmit().input as Record<string, unknown>;
    expect(lastSubmit().endpoint).toBe("fal-ai/clarity-upscaler");
    expect(input).toMatchObject({
      upscale_factor: 2,
      creativity: 0.2,
      resemblance: 0.6,
      num_inference_steps: 18,
      guidance_scale: 4,
    });
    expect(input).not.toHaveProperty("prompt"); // empty prompt: fal's default applies
    expect(result.images[0]).toMatchObject({ width: 200, height: 160 });
  });

  it("remove background (rembg): image_url only, status under fal-ai/imageutils, PNG with alpha back", async () => {
    const source = await testImage(90, 60);
    const { requestId, result } = await runToCompletion(
      fal,
      providerInput("fal-ai/imageutils/rembg", "remove-background", {}, { sourceImage: source }),
    );
    expect(lastSubmit()).toMatchObject({ endpoint: "fal-ai/imageutils/rembg" });
    expect(Object.keys(lastSubmit().input as object).sort()).toEqual(["crop_to_bbox", "image_url"]);
    expect(fake.requests.some((r) => r.path === `/fal-ai/imageutils/requests/${requestId}/status`)).toBe(true);
    const meta = await sharp(result.images[0]!.data).metadata();
    expect(meta).toMatchObject({ format: "png", width: 90, height: 60, hasAlpha: true });
  });

  it("remove background (BiRefNet v2): variant, resolution, PNG output", async () => {
    await runToCompletion(
      fal,
      providerInput(
        "fal-ai/birefnet/v2",
        "remove-background",
        { backgroundModel: "Portrait" },
        { sourceImage: await testImage(40, 40) },
      ),
    );
    expect(lastSubmit().input).toMatchObject({
      model: "Portrait",
      operating_resolution: "1024x1024",
      refine_foreground: true,
      output_format: "png",
    });
  });

  it("face to sticker: returns the cut-out sticker", async () => {
    const { result } = await runToCompletion(
      fal,
      providerInput(
        "fal-ai/face-to-sticker",
        "image-to-image",
        {},
        { sourceImage: await testImage(64, 64), negativePrompt: "ugly" },
      ),
    );
    expect(lastSubmit().input).toMatchObject({
      negative_prompt: "ugly",
      instant_id_strength: 0.7,
      num_inference_steps: 20,
    });
    expect(lastSubmit().input).not.toHaveProperty("num_images");
    expect(result.images).toHaveLength(1);
    expect((await sharp(result.images[0]!.data).metadata()).hasAlpha).toBe(true);
  });

  it("style transfer (ultra): the style image is the image prompt", async () => {
    const style = await testImage(32, 32);
    await runToCompletion(
      fal,
      providerInput(
        "fal-ai/flux-pro/v1.1-ultra",
        "style-transfer",
        { imagePromptStrength: 0.4, aspectRatio: "1:1" },
        { styleImage: style },
      ),
    );
    const input = lastSubmit().input as Record<string, unknown>;
    expect(input).toMatchObject({ aspect_ratio: "1:1", image_prompt_strength: 0.4 });
    expect(decodeDataUri(input.image_url).data.equals(style)).toBe(true);
  });

  it("re-encodes non-PNG/JPEG sources (WebP) as PNG", async () => {
    await runToCompletion(
      fal,
      providerInput(
        "fal-ai/imageutils/rembg",
        "remove-background",
        {},
        { sourceImage: await testImage(20, 20, { format: "webp" }) },
      ),
    );
    expect(decodeDataUri((lastSubmit().input as { image_url: string }).image_url).contentType).toBe("image/png");
  });

  it("uploads sources over 2 MB through fal storage instead of inlining them", async () => {
    const big = await testImage(1000, 1000, { noise: true });
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const { result } = await runToCompletion(
      fal,
      providerInput("fal-ai/imageutils/rembg", "remove-background", {}, { sourceImage: big }),
    );
    const initiate = fake.requests.find((r) => r.path === "/storage/upload/initiate");
    expect(initiate?.body).toMatchObject({ content_type: "image/png" });
    expect(initiate?.headers.authorization).toBe("Key test-id:test-secret");
    expect(JSON.parse(initiate!.headers["x-fal-object-lifecycle"]!)).toEqual({ expiration_duration_seconds: 86400 });
    const put = fake.requests.find((r) => r.method === "PUT" && r.path.startsWith("/upload/"));
    expect(put?.bodyBytes).toBe(big.length);
    expect((lastSubmit().input as { image_url: string }).image_url).toMatch(new RegExp(`^${fake.url}/files/`));
    expect(result.images[0]).toMatchObject({ width: 1000, height: 1000 });
  });

  it("refuses an operation the model has no endpoint for, before calling fal", async () => {
    const inpaint = { ...providerInput("fal-ai/flux/dev", "text-to-image"), operation: "inpaint" as const };
    await expect(fal.submit(inpaint)).rejects.toMatchObject({
      kind: "validation",
      message: "FLUX.1 [dev] cannot do inpaint on fal.ai",
    });
    await expect(fal.submit(providerInput("fal-ai/flux/dev", "image-to-image"))).rejects.toMatchObject({
      kind: "validation",
      message: "This operation needs a source image",
    });
    expect(fake.submits()).toHaveLength(0);
  });
});

describe("availability", () => {
  it("serves fal models only", () => {
    expect(fal.availability("fal-ai/flux/dev")).toEqual({ available: true });
    expect(fal.availability("local/sketch")).toMatchObject({ available: false });
    expect(fal.availability("fal-ai/nope")).toMatchObject({ available: false });
  });
});
