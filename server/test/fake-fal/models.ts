/**
 * What the fake's "models" do: check the input roughly as fal would (failures surface at result time, as on
 * fal) and produce small real images with sharp at the requested size.
 */
import { createHash } from "node:crypto";
import sharp from "sharp";
import { mp4Header } from "../../src/providers/fal/mp4";
import { ENDPOINTS, FakeHttpError, invalid, CONTENT_POLICY_DETAIL, type Kind } from "./endpoints";

const PRESETS: Record<string, [number, number]> = {
  square_hd: [1024, 1024],
  square: [512, 512],
  portrait_4_3: [768, 1024],
  portrait_16_9: [576, 1024],
  landscape_4_3: [1024, 768],
  landscape_16_9: [1024, 576],
};
const ULTRA_RATIOS = ["21:9", "16:9", "4:3", "3:2", "1:1", "2:3", "3:4", "9:16", "9:21"];
const PROMPT_KINDS: Kind[] = ["t2i", "t2i-fixed", "ultra", "i2i", "inpaint", "sticker", "control", "kling-i2v"];
const IMAGE_KINDS: Kind[] = ["i2i", "inpaint", "redux", "ultra-redux", "sticker", "upscale", "rembg", "kling-i2v"];

/** Every control/reference image URL of a control request, by field name (each must be a readable image). */
function controlImageUrls(endpoint: string, input: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [];
  const list = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
  if (endpoint.includes("control-lora")) out.push(["control_lora_image_url", input.control_lora_image_url]);
  for (const c of list(input.controlnets)) out.push(["controlnets.control_image_url", c.control_image_url]);
  for (const u of list(input.controlnet_unions))
    for (const c of list(u.controls)) out.push(["controlnet_unions.controls.control_image_url", c.control_image_url]);
  for (const a of list(input.ip_adapters)) out.push(["ip_adapters.image_url", a.image_url]);
  for (const k of ["canny", "depth", "openpose", "normal", "segmentation", "teed"])
    if (input[`${k}_image_url`] !== undefined) out.push([`${k}_image_url`, input[`${k}_image_url`]]);
  return out;
}

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
  if (spec.kind === "control") {
    for (const [field, url] of controlImageUrls(endpoint, input)) {
      if (typeof url !== "string") throw invalid(field, "field required", "value_error.missing");
      await dims(await ctx.readImage(url, field), field);
    }
  }
  if (spec.kind === "ultra" && typeof input.image_url === "string")
    await dims(await ctx.readImage(input.image_url, "image_url"), "image_url");
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
    case "kling-i2v":
      return klingVideo(input, sourceSize, ctx);
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

/** Kling image-to-video: checks duration/cfg_scale/source size as fal documents, answers { video: File } (an MP4). */
function klingVideo(input: Record<string, unknown>, source: [number, number], ctx: ModelContext) {
  const duration = input.duration ?? "5";
  if (duration !== "5" && duration !== "10")
    throw invalid("duration", "value is not a valid enumeration member; permitted: '5', '10'", "type_error.enum");
  const cfg = input.cfg_scale;
  if (cfg !== undefined && (typeof cfg !== "number" || cfg < 0 || cfg > 1))
    throw invalid("cfg_scale", "ensure this value is less than or equal to 1", "value_error.number.not_le");
  if (source[0] < 300 || source[1] < 300)
    throw invalid("image_url", "Min width: 300px, Min height: 300px", "value_error");
  // Kling renders 720p-class video in the source's shape; the fake answers a real MP4 header and some payload.
  const scale = 720 / Math.min(source[0], source[1]);
  const w = Math.round((source[0] * scale) / 2) * 2;
  const h = Math.round((source[1] * scale) / 2) * 2;
  const data = Buffer.concat([mp4Header(w, h, Number(duration)), Buffer.alloc(4096, 7)]);
  const url = ctx.store(data, "video/mp4", "output.mp4");
  return { video: { url, content_type: "video/mp4", file_name: "output.mp4", file_size: data.length } };
}
