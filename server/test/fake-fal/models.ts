/**
 * What the fake's "models" do: check the input roughly as fal would (failures surface at result time, as on
 * fal) and produce small real images with sharp at the requested size.
 */
import { createHash } from "node:crypto";
import sharp from "sharp";

export class FakeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`fake fal ${status}`);
  }
}

type Kind =
  | "t2i"
  | "t2i-fixed"
  | "ultra"
  | "i2i"
  | "inpaint"
  | "redux"
  | "ultra-redux"
  | "sticker"
  | "upscale"
  | "rembg";
interface Behaviour {
  kind: Kind;
  maxImages: number;
  /** Which field picks jpeg/png. */
  formatField: "output_format" | "format" | "none";
  lightning?: boolean;
}

const b = (
  kind: Kind,
  formatField: Behaviour["formatField"] = "output_format",
  maxImages = 4,
  lightning = false,
): Behaviour => ({ kind, maxImages, formatField, lightning });

/** Endpoints the fake serves. Anything else is an unknown application (404 at submit). */
export const ENDPOINTS: Record<string, Behaviour> = {
  "fal-ai/flux/dev": b("t2i"),
  "fal-ai/flux/schnell": b("t2i"),
  "fal-ai/flux-pro/v1.1": b("t2i"),
  "fal-ai/flux-lora": b("t2i"),
  "fal-ai/flux-pro/v1.1-ultra": b("ultra"),
  "fal-ai/fast-sdxl": b("t2i", "format"),
  "fal-ai/fast-lightning-sdxl": b("t2i", "format", 8, true),
  "fal-ai/aura-flow": b("t2i-fixed", "none", 2),
  "fal-ai/flux/dev/image-to-image": b("i2i"),
  "fal-ai/flux-lora/image-to-image": b("i2i"),
  "fal-ai/fast-sdxl/image-to-image": b("i2i", "format"),
  "fal-ai/fast-lightning-sdxl/image-to-image": b("i2i", "format", 8, true),
  "fal-ai/fast-sdxl/inpainting": b("inpaint", "format"),
  "fal-ai/fast-lightning-sdxl/inpainting": b("inpaint", "format", 8, true),
  "fal-ai/flux-pro/v1/fill": b("inpaint"),
  "fal-ai/flux-1/dev/redux": b("redux"),
  "fal-ai/flux/schnell/redux": b("redux"),
  "fal-ai/flux-pro/v1.1/redux": b("redux"),
  "fal-ai/flux-pro/v1.1-ultra/redux": b("ultra-redux"),
  "fal-ai/face-to-sticker": b("sticker", "none", 1),
  "fal-ai/clarity-upscaler": b("upscale", "none", 1),
  "fal-ai/imageutils/rembg": b("rembg", "none", 1),
  "fal-ai/birefnet/v2": b("rembg", "none", 1),
};

const PRESETS: Record<string, [number, number]> = {
  square_hd: [1024, 1024],
  square: [512, 512],
  portrait_4_3: [768, 1024],
  portrait_16_9: [576, 1024],
  landscape_4_3: [1024, 768],
  landscape_16_9: [1024, 576],
};
const ULTRA_RATIOS = ["21:9", "16:9", "4:3", "3:2", "1:1", "2:3", "3:4", "9:16", "9:21"];
const PROMPT_KINDS: Kind[] = ["t2i", "t2i-fixed", "ultra", "i2i", "inpaint", "sticker"];
const IMAGE_KINDS: Kind[] = ["i2i", "inpaint", "redux", "ultra-redux", "sticker", "upscale", "rembg"];

/** A 422 with fal's `detail` list shape. */
export const invalid = (field: string, msg: string, type: string, ctx?: Record<string, unknown>) =>
  new FakeHttpError(422, { detail: [{ loc: ["body", field], msg, type, ...(ctx ? { ctx } : {}) }] });

export const CONTENT_POLICY_DETAIL = {
  detail: [
    {
      loc: ["body", "prompt"],
      msg: "The content could not be processed because it contained material flagged by a content checker.",
      type: "content_policy_violation",
      url: "https://docs.fal.ai/errors#content_policy_violation",
    },
  ],
};

export interface ModelContext {
  readImage(url: string, field: string): Promise<Buffer>;
  store(data: Buffer, contentType: string, name: string): string;
}

function sizeOf(imageSize: unknown, fallback: [number, number]): [number, number] {
  if (imageSize === undefined) return fallback;
  if (typeof imageSize === "string") {
    const p = PRESETS[imageSize];
    if (!p)
      throw invalid(
        "image_size",
        `value is not a valid enumeration member; permitted: ${Object.keys(PRESETS).join(", ")}`,
        "type_error.enum",
      );
    return p;
  }
  const o = imageSize as { width?: unknown; height?: unknown };
  const ok = (v: unknown) => Number.isInteger(v) && (v as number) >= 16 && (v as number) <= 14142;
  if (!o || !ok(o.width) || !ok(o.height))
    throw invalid("image_size", "width and height must be integers between 16 and 14142", "value_error");
  return [o.width as number, o.height as number];
}

function ratioSize(ratio: string): [number, number] {
  const [a, c] = ratio.split(":").map(Number) as [number, number];
  const w = Math.round(Math.sqrt((a / c) * 1024 * 1024) / 16) * 16;
  return [w, Math.round((w * c) / a / 16) * 16];
}

function colour(seed: string) {
  const h = createHash("sha256").update(seed).digest();
  return { r: h[0]!, g: h[1]!, b: h[2]! };
}

async function render(
  width: number,
  height: number,
  seed: string,
  format: "png" | "jpeg",
  alpha = false,
): Promise<Buffer> {
  const img = sharp({
    create: { width, height, channels: alpha ? 4 : 3, background: { ...colour(seed), alpha: alpha ? 0.5 : 1 } },
  });
  return format === "jpeg" ? img.jpeg({ quality: 80 }).toBuffer() : img.png().toBuffer();
}

async function dims(data: Buffer, field: string): Promise<[number, number]> {
  const meta = await sharp(data)
    .metadata()
    .catch(() => undefined);
  if (!meta?.width || !meta.height) throw invalid(field, "Could not read the image", "image_load_error");
  return [meta.width, meta.height];
}

/** Checks the input and makes the output JSON (files stored through ctx). */
export async function runModel(
  endpoint: string,
  input: Record<string, unknown>,
  ctx: ModelContext,
): Promise<Record<string, unknown>> {
  const spec = ENDPOINTS[endpoint];
  if (!spec) throw new FakeHttpError(404, { detail: `Application '${endpoint.split("/")[1]}' not found` });
  const prompt = input.prompt;
  if (PROMPT_KINDS.includes(spec.kind) && (typeof prompt !== "string" || !prompt))
    throw invalid("prompt", "field required", "value_error.missing");
  if (typeof prompt === "string" && prompt.includes("[fake:content-policy]"))
    throw new FakeHttpError(422, CONTENT_POLICY_DETAIL);
  const count = input.num_images ?? 1;
  if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > spec.maxImages) {
    throw invalid(
      "num_images",
      `ensure this value is less than or equal to ${spec.maxImages}`,
      "value_error.number.not_le",
      { limit_value: spec.maxImages },
    );
  }
  if (
    spec.lightning &&
    input.num_inference_steps !== undefined &&
    !["1", "2", "4", "8"].includes(input.num_inference_steps as string)
  ) {
    throw invalid(
      "num_inference_steps",
      "value is not a valid enumeration member; permitted: '1', '2', '4', '8'",
      "type_error.enum",
    );
  }
  const formatValue = spec.formatField === "none" ? undefined : input[spec.formatField];
  if (formatValue !== undefined && formatValue !== "jpeg" && formatValue !== "png") {
    throw invalid(
      spec.formatField,
      "value is not a valid enumeration member; permitted: 'jpeg', 'png'",
      "type_error.enum",
    );
  }
  const format = formatValue === "png" ? "png" : spec.formatField === "none" ? "png" : "jpeg";

  let source: Buffer | undefined;
  let sourceSize: [number, number] = [1024, 1024];
  if (IMAGE_KINDS.includes(spec.kind)) {
    if (typeof input.image_url !== "string") throw invalid("image_url", "field required", "value_error.missing");
    source = await ctx.readImage(input.image_url, "image_url");
    sourceSize = await dims(source, "image_url");
  }
  if (spec.kind === "inpaint") {
    if (typeof input.mask_url !== "string") throw invalid("mask_url", "field required", "value_error.missing");
    const maskSize = await dims(await ctx.readImage(input.mask_url, "mask_url"), "mask_url");
    if (maskSize[0] !== sourceSize[0] || maskSize[1] !== sourceSize[1])
      throw invalid("mask_url", "The mask must have the same dimensions as the image", "value_error");
  }
  if (
    (spec.kind === "ultra" || spec.kind === "ultra-redux") &&
    input.aspect_ratio !== undefined &&
    !ULTRA_RATIOS.includes(input.aspect_ratio as string)
  ) {
    throw invalid(
      "aspect_ratio",
      `value is not a valid enumeration member; permitted: ${ULTRA_RATIOS.join(", ")}`,
      "type_error.enum",
    );
  }

  const seed = typeof input.seed === "number" ? input.seed : Math.floor(Math.random() * 2 ** 31);
  const key = (i: number) => `${endpoint}|${String(prompt ?? "")}|${seed}|${i}`;
  const file = async (w: number, h: number, i: number, fmt: "png" | "jpeg" = format, alpha = false) => {
    const data = await render(w, h, key(i), fmt, alpha);
    const contentType = fmt === "png" ? "image/png" : "image/jpeg";
    const name = `output_${i}.${fmt === "png" ? "png" : "jpg"}`;
    return {
      url: ctx.store(data, contentType, name),
      width: w,
      height: h,
      content_type: contentType,
      file_name: name,
      file_size: data.length,
    };
  };
  const timings = { inference: 0.05 };

  switch (spec.kind) {
    case "sticker": {
      const sticker = await file(1024, 1024, 0, "png");
      const cutout = await file(1024, 1024, 1, "png", true);
      return {
        images: [sticker, cutout],
        sticker_image: sticker,
        sticker_image_background_removed: cutout,
        seed,
        has_nsfw_concepts: { sticker_image: false, sticker_image_background_removed: false },
      };
    }
    case "upscale": {
      const factor = typeof input.upscale_factor === "number" ? input.upscale_factor : 2;
      if (factor < 1 || factor > 4)
        throw invalid("upscale_factor", "ensure this value is less than or equal to 4", "value_error.number.not_le");
      return {
        image: await file(Math.round(sourceSize[0] * factor), Math.round(sourceSize[1] * factor), 0, "png"),
        seed,
        timings,
      };
    }
    case "rembg":
      return { image: await file(sourceSize[0], sourceSize[1], 0, "png", true) };
    default: {
      let size: [number, number];
      if (spec.kind === "ultra" || spec.kind === "ultra-redux")
        size = ratioSize((input.aspect_ratio as string | undefined) ?? "16:9");
      else if (spec.kind === "t2i-fixed") size = [1024, 1024];
      else if (spec.kind === "i2i" || spec.kind === "inpaint")
        size = input.image_size === undefined ? sourceSize : sizeOf(input.image_size, sourceSize);
      else size = sizeOf(input.image_size, spec.formatField === "format" ? [1024, 1024] : [1024, 768]);
      const images = [];
      for (let i = 0; i < (count as number); i++) images.push(await file(size[0], size[1], i));
      return { images, timings, seed, has_nsfw_concepts: images.map(() => false), prompt: prompt ?? "" };
    }
  }
}
