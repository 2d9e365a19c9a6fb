/** Reads fal's raw model output JSON: which files to download, seed, timings and NSFW flags. */
import { ProviderError } from "../types";

export interface FalOutputFile {
  url: string;
  width?: number;
  height?: number;
  contentType?: string;
}

export interface ParsedFalOutput {
  files: FalOutputFile[];
  seed?: number;
  inferenceSeconds?: number;
  nsfw?: boolean[];
}

function asFile(v: unknown): FalOutputFile | undefined {
  if (!v || typeof v !== "object") return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.url !== "string" || !o.url) return undefined;
  return {
    url: o.url,
    ...(typeof o.width === "number" ? { width: o.width } : {}),
    ...(typeof o.height === "number" ? { height: o.height } : {}),
    ...(typeof o.content_type === "string" ? { contentType: o.content_type } : {}),
  };
}

export function parseFalOutput(data: unknown, modelId: string): ParsedFalOutput {
  if (!data || typeof data !== "object")
    throw new ProviderError("internal", "fal.ai returned an unexpected result (not JSON)", false);
  const o = data as Record<string, unknown>;
  let files: FalOutputFile[];
  if (modelId === "fal-ai/face-to-sticker" && (o.sticker_image_background_removed || o.sticker_image)) {
    // The cut-out sticker is the product; the version with background is the fallback.
    files = [asFile(o.sticker_image_background_removed) ?? asFile(o.sticker_image)].filter(
      (f): f is FalOutputFile => !!f,
    );
  } else if (o.video && typeof o.video === "object") {
    // Video models answer { video: File }.
    files = [asFile(o.video)].filter((f): f is FalOutputFile => !!f);
  } else if (Array.isArray(o.images)) {
    files = o.images.map(asFile).filter((f): f is FalOutputFile => !!f);
  } else {
    files = [asFile(o.image)].filter((f): f is FalOutputFile => !!f);
  }
  if (!files.length) throw new ProviderError("internal", "fal.ai finished but returned no images or video", false);
  const seed = typeof o.seed === "number" && Number.isSafeInteger(o.seed) ? o.seed : undefined;
  const timings = o.timings as { inference?: unknown } | undefined;
  const inference = typeof timings?.inference === "number" ? timings.inference : undefined;
  const nsfw =
    Array.isArray(o.has_nsfw_concepts) && o.has_nsfw_concepts.every((b) => typeof b === "boolean")
      ? (o.has_nsfw_concepts as boolean[])
      : undefined;
  return {
    files,
    ...(seed !== undefined ? { seed } : {}),
    ...(inference !== undefined ? { inferenceSeconds: inference } : {}),
    ...(nsfw ? { nsfw } : {}),
  };
}
