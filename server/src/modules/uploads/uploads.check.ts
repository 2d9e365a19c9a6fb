/**
 * Decides whether uploaded bytes are an image we accept, from the content alone (never the name or MIME type):
 * magic bytes first (SVG/XML/HTML and anything unknown are refused before any decoder runs), then the pixel
 * count from the header (decompression bombs fail here, fast), then — in the bounded decode pool, off the
 * main thread — markup or trailing data hidden in an otherwise valid image (polyglots) and a full decode by
 * sharp with `limitInputPixels`.
 */
import { LIMITS } from "@image-studio/shared";
import { msg, type ApiMessage } from "../../i18n/api";
import sharp, { type Metadata } from "sharp";
import { type DecodePool, DecodeRefused } from "../../lib/decode-pool";
import { AppError } from "../../lib/errors";

export type SniffedFormat = "png" | "jpeg" | "webp" | "gif" | "avif";

const startsWith = (b: Buffer, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/** The container format from magic bytes, or null. */
export function sniff(b: Buffer): SniffedFormat | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(b, [0xff, 0xd8, 0xff])) return "jpeg";
  if (b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP") return "webp";
  if (/^GIF8[79]a$/.test(b.subarray(0, 6).toString("latin1"))) return "gif";
  if (b.subarray(4, 8).toString("latin1") === "ftyp" && /^(avif|avis)$/.test(b.subarray(8, 12).toString("latin1")))
    return "avif";
  return null;
}

/** Text-like starts: SVG, XML, HTML, scripts — refused outright with a message that says so. */
function looksLikeMarkup(b: Buffer): boolean {
  const head = b
    .subarray(0, 512)
    .toString("latin1")
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, "")
    .trimStart()
    .toLowerCase();
  return head.startsWith("<") || head.includes("<svg");
}

const bad = (message: ApiMessage) => new AppError("VALIDATION_FAILED", message, { issues: [{ path: ["file"], message }] });

export interface CheckedImage {
  format: SniffedFormat;
  width: number;
  height: number;
  hasAlpha: boolean;
}

export interface CheckOptions {
  /** The largest accepted image, in pixels (UPLOAD_MAX_MEGAPIXELS). */
  maxPixels: number;
}

/**
 * The cheap checks, on the main thread, before any decode: size, markup, magic bytes and the pixel count read
 * from the header. A pixel bomb is refused here in a millisecond, without ever reaching the decode pool.
 * Throws a 400/413/415 AppError with a clear message, or returns what the bytes claim to be.
 */
export async function checkImageBytes(data: Buffer, opts: CheckOptions): Promise<CheckedImage> {
  if (data.length === 0) throw bad(msg("uploads.empty"));
  if (data.length > LIMITS.uploadMaxBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", msg("uploads.tooLarge", { mb: LIMITS.uploadMaxBytes / 1024 / 1024 }));
  }
  if (looksLikeMarkup(data))
    throw new AppError(
      "UNSUPPORTED_MEDIA",
      msg("uploads.textFile"),
    );
  const format = sniff(data);
  if (!format)
    throw new AppError(
      "UNSUPPORTED_MEDIA",
      msg("uploads.notImage"),
    );
  let meta: Metadata;
  try {
    meta = await sharp(data, { limitInputPixels: false }).metadata(); // the header only: no pixels decoded
  } catch {
    throw bad(msg("uploads.undecodable"));
  }
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (!width || !height) throw bad(msg("uploads.noSize"));
  if (width * height > opts.maxPixels) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      msg("uploads.tooManyPixels", { width, height, mp: +(opts.maxPixels / 1_000_000).toFixed(1) }),
    );
  }
  return { format, width, height, hasAlpha: meta.hasAlpha ?? false };
}

export interface CleanedImage {
  data: Buffer;
  format: "png" | "webp";
  contentType: "image/png" | "image/webp";
  width: number;
  height: number;
}

/**
 * In the decode pool: the polyglot scan (markup or data hidden after the image), then a full decode (rejecting
 * truncated data and anything past the pixel limit) and a re-encode — EXIF and every other metadata chunk
 * dropped, orientation applied. Masks become opaque greyscale PNGs.
 */
export async function reencode(
  pool: DecodePool,
  data: Buffer,
  opts: CheckOptions & { mask: boolean; checked: CheckedImage },
): Promise<CleanedImage> {
  try {
    const out = await pool.run<CleanedImage>("upload", {
      data,
      format: opts.checked.format,
      mask: opts.mask,
      hasAlpha: opts.checked.hasAlpha,
      maxPixels: opts.maxPixels,
    });
    return { ...out, data: Buffer.from(out.data.buffer, out.data.byteOffset, out.data.byteLength) };
  } catch (err) {
    if (!(err instanceof DecodeRefused)) throw err;
    if (err.kind === "polyglot")
      throw bad(msg("uploads.polyglot"));
    if (err.kind === "pixels") throw new AppError("PAYLOAD_TOO_LARGE", msg("uploads.morePixels"));
    throw bad(msg("uploads.undecodable"));
  }
}
