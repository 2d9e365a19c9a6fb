/**
 * The fake's endpoint table (which fal applications it serves and how each behaves) and its error shapes.
 */
export class FakeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`fake fal ${status}`);
  }
}

export type Kind =
  | "t2i"
  | "t2i-fixed"
  | "ultra"
  | "i2i"
  | "inpaint"
  | "redux"
  | "ultra-redux"
  | "sticker"
  | "upscale"
  | "rembg"
  | "control"
  | "kling-i2v";
export interface Behaviour {
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
  "fal-ai/flux-general": b("control"),
  "fal-ai/flux-control-lora-canny": b("control"),
  "fal-ai/flux-control-lora-depth": b("control"),
  "fal-ai/sdxl-controlnet-union": b("control", "none"),
  "fal-ai/kling-video/v2.1/standard/image-to-video": b("kling-i2v", "none", 1),
};

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
