/**
 * What FalProvider sends and brings back: the request's images encoded for fal (data URIs or fal storage URLs,
 * control maps made here where the model wants one) and the result files downloaded and checked.
 */
import sharp from "sharp";
import { conditioningFor } from "../../../../shared/src/conditioning";
import { controlMap, greyPng, type MapKind } from "../control-maps";
import { ProviderError, type ProviderImage, type ProviderInput } from "../types";
import { type DownloadGuard, downloadFalFile } from "./download";
import { type FileEncoder, outpaintCanvas } from "./files";
import type { EncodedImages } from "./mapping";
import type { ControlImages } from "./mapping-control";
import { mp4Facts } from "./mp4";

/** The source, mask, style, control and image-prompt images of a request, encoded (errors are the caller's to map). */
export async function encodeImages(files: FileEncoder, input: ProviderInput): Promise<EncodedImages> {
  let source = input.sourceImage;
  let mask = input.maskImage;
  if (input.operation === "outpaint") {
    if (!source) throw new ProviderError("validation", "This operation needs a source image", false);
    ({ image: source, mask } = await outpaintCanvas(source, input.extend));
  }
  const [s, m, st] = await Promise.all([
    source ? files.encode(source) : undefined,
    mask ? files.encode(mask) : undefined,
    input.styleImage ? files.encode(input.styleImage) : undefined,
  ]);
  const { control, imagePrompts } = await encodeConditioning(files, input);
  return {
    ...(s ? { source: s } : {}),
    ...(m ? { mask: m } : {}),
    ...(st ? { style: st } : {}),
    ...(control ? { control } : {}),
    ...(imagePrompts ? { imagePrompts } : {}),
  };
}

/** The control image (our edge/depth map where the model wants one, else the original) and the image prompts. */
async function encodeConditioning(files: FileEncoder, input: ProviderInput): Promise<ControlImages> {
  const c = input.control;
  let control: string | undefined;
  if (c) {
    const preprocess = conditioningFor(input.modelId)?.preprocessedHere.includes(c.type) && c.type !== "pose";
    const bytes = preprocess
      ? await greyPng(await controlMap(c.type as MapKind, c.image, { width: input.width, height: input.height }))
      : c.image;
    control = await files.encode(bytes);
  }
  const imagePrompts = input.imagePrompts?.length
    ? await Promise.all(input.imagePrompts.map((p) => files.encode(p.image)))
    : undefined;
  return { control, imagePrompts };
}

export interface DownloadDeps {
  guard: DownloadGuard;
  fetch: typeof fetch;
  /** Bounds per output file download. */
  maxDownloadBytes?: number;
  /** Bound for one video (MP4) download; default 300 MiB. */
  maxVideoBytes?: number;
  downloadTimeoutMs?: number;
}

/** A video output: the MP4 downloaded (longer time and size bounds) and its size and length read from its boxes. */
export async function downloadVideo(url: string, d: DownloadDeps): Promise<ProviderImage> {
  const file = await downloadFalFile(url, d.guard, {
    fetch: d.fetch,
    maxBytes: d.maxVideoBytes ?? 300 * 1024 * 1024,
    timeoutMs: Math.max(d.downloadTimeoutMs ?? 60_000, 180_000),
    kind: "video",
  });
  const facts = mp4Facts(file.data);
  if (!facts)
    throw new ProviderError("internal", "fal.ai returned an MP4 whose size or length could not be read", false);
  return {
    data: file.data,
    contentType: "video/mp4",
    width: facts.width,
    height: facts.height,
    video: { format: "mp4", durationSeconds: facts.durationSeconds },
  };
}

/** An image output, downloaded and checked to be a readable image. */
export async function downloadImage(url: string, d: DownloadDeps): Promise<ProviderImage> {
  const file = await downloadFalFile(url, d.guard, {
    fetch: d.fetch,
    maxBytes: d.maxDownloadBytes ?? 50 * 1024 * 1024,
    timeoutMs: d.downloadTimeoutMs ?? 60_000,
  });
  const meta = await sharp(file.data)
    .metadata()
    .catch(() => undefined);
  if (!meta?.width || !meta.height)
    throw new ProviderError("internal", "fal.ai returned a file that is not a readable image", false);
  return { data: file.data, contentType: file.contentType, width: meta.width, height: meta.height };
}
