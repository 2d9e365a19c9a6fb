/**
 * One interface for every image engine (fal.ai, the local sketch engine).
 * The queue worker talks to providers only through this contract.
 */
export type Operation =
  | "text-to-image"
  | "image-to-image"
  | "inpaint"
  | "outpaint"
  | "variation"
  | "upscale"
  | "remove-background"
  | "style-transfer"
  | "image-to-video";

export interface ProviderInput {
  operation: Operation;
  /** Catalog model id, e.g. "fal-ai/flux/dev" or "local/sketch". */
  modelId: string;
  prompt: string;
  negativePrompt?: string;
  width: number;
  height: number;
  numImages: number;
  seed: number;
  guidanceScale?: number;
  steps?: number;
  /** image-to-image / variation / remix: 0..1, how far from the source. */
  strength?: number;
  /** upscale factor (2 or 4 for one pass). */
  scale?: number;
  /** Source image bytes (img2img, inpaint, outpaint, upscale, rembg, variation). */
  sourceImage?: Buffer;
  /** Mask bytes, same size as the source: white = repaint, black = keep. */
  maskImage?: Buffer;
  /** Style reference image bytes (style transfer). */
  styleImage?: Buffer;
  /** ControlNet: the control image (as given, not preprocessed), its kind and conditioning strength (0..2). */
  control?: { type: "canny" | "depth" | "pose"; image: Buffer; strength: number };
  /** Image prompts / IP-adapter: reference images and their weights (0..1). */
  imagePrompts?: { image: Buffer; weight: number }[];
  /** Outpaint: pixels to add on each side. */
  extend?: { top: number; right: number; bottom: number; left: number };
  /** Model-specific keys validated against the catalog (sampler, stylePreset, loras, …). */
  extra: Record<string, unknown>;
}

export interface ProviderImage {
  data: Buffer;
  contentType: string;
  width: number;
  height: number;
  /** Set when the output is a video (image-to-video): MP4, or an animated WebP from the local engine. */
  video?: ProviderVideoFacts;
}

export interface ProviderVideoFacts {
  format: "mp4" | "webp";
  durationSeconds: number;
  frameCount?: number;
  fps?: number;
  /** A still for the poster; absent for MP4 (no decoder here): ingest uses the source image instead. */
  poster?: Buffer;
}

export interface ProviderResult {
  images: ProviderImage[];
  seed: number;
  /** Seconds the engine spent producing the images. */
  inferenceSeconds?: number;
  nsfw?: boolean[];
}

export type ProviderState = "queued" | "running" | "completed" | "failed" | "cancelled";

export interface ProviderStatus {
  state: ProviderState;
  queuePosition?: number;
  /** 0..1 when known. */
  progress?: number;
  logs?: string[];
}

export interface SubmitOptions {
  /** Public URL fal should call when the request finishes (webhook mode). */
  webhookUrl?: string;
}

export interface ImageProvider {
  readonly id: "local" | "fal";
  /** True when the provider can serve this model right now; reason otherwise. */
  availability(modelId: string): { available: true } | { available: false; reason: string };
  submit(input: ProviderInput, opts?: SubmitOptions): Promise<{ requestId: string }>;
  status(modelId: string, requestId: string): Promise<ProviderStatus>;
  /** Throws ProviderError when the request failed. */
  result(modelId: string, requestId: string): Promise<ProviderResult>;
  cancel(modelId: string, requestId: string): Promise<void>;
}

export type ProviderErrorKind =
  | "auth"
  | "balance"
  | "validation"
  | "content_policy"
  | "timeout"
  | "rate_limited"
  | "unavailable"
  | "not_found"
  | "internal";

/** A failure the queue can reason about: `retryable` decides backoff vs. fail. */
export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly retryable: boolean,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}
