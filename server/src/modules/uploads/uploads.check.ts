/**
 * Decides whether uploaded bytes are an image we accept, from the content alone (never the name or MIME type):
 * magic bytes first (SVG/XML/HTML and anything unknown are refused before any decoder runs), then markup or
 * trailing data hidden in an otherwise valid image (polyglots), then the pixel count from the header, then a
 * full decode by sharp with `limitInputPixels`, so decompression bombs fail fast.
 */
import { LIMITS } from "@image-studio/shared";
import sharp, { type Metadata } from "sharp";
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

const MARKUP = /<(script|svg|html|body|iframe|\?php|!doctype|\?xml)[\s>]/i;

/** Data after the image's end marker: the classic way to smuggle a second file (zip, HTML, script) along. */
function trailingBytes(b: Buffer, format: SniffedFormat): number {
  if (format === "png") {
    const iend = b.lastIndexOf(Buffer.from("IEND"));
    return iend < 0 ? 0 : Math.max(0, b.length - (iend + 8)); // "IEND" + 4-byte CRC
  }
  if (format === "jpeg") {
    let end = b.length;
    while (end > 0 && (b[end - 1] === 0x00 || b[end - 1] === 0x0a || b[end - 1] === 0x0d)) end--;
    if (b[end - 2] === 0xff && b[end - 1] === 0xd9) return 0;
    const eoi = b.lastIndexOf(Buffer.from([0xff, 0xd9]));
    return eoi < 0 ? 0 : b.length - eoi - 2; // no end marker at all: truncated, the decoder says so
  }
  return 0;
}

const bad = (message: string) => new AppError("VALIDATION_FAILED", message, { issues: [{ path: ["file"], message }] });

export interface CheckedImage {
  format: SniffedFormat;
  width: number;
  height: number;
  hasAlpha: boolean;
}

/** Throws a 400/413/415 AppError with a clear message, or returns what the bytes are. */
export async function checkImageBytes(data: Buffer): Promise<CheckedImage> {
  if (data.length === 0) throw bad("The file is empty");
  if (data.length > LIMITS.uploadMaxBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", `Uploads can be at most ${LIMITS.uploadMaxBytes / 1024 / 1024} MB`);
  }
  if (looksLikeMarkup(data))
    throw new AppError(
      "UNSUPPORTED_MEDIA",
      "SVG, HTML and other text files are not accepted; upload a PNG, JPEG or WebP image",
    );
  const format = sniff(data);
  if (!format)
    throw new AppError(
      "UNSUPPORTED_MEDIA",
      "This is not a PNG, JPEG, WebP, GIF or AVIF image (checked by its content, not its name)",
    );
  const text = data.toString("latin1");
  if (MARKUP.test(text) || trailingBytes(data, format) > 16) {
    throw bad("The file carries extra data besides the image (a polyglot file); export it again as a plain image");
  }
  let meta: Metadata;
  try {
    meta = await sharp(data, { limitInputPixels: false }).metadata();
  } catch {
    throw bad("The image could not be decoded: it is damaged or incomplete");
  }
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (!width || !height) throw bad("The image has no size: it is damaged or incomplete");
  if (width * height > LIMITS.uploadMaxPixels) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The image is ${width}×${height} pixels; uploads can be at most ${LIMITS.uploadMaxPixels / 1_000_000} megapixels`,
    );
  }
  return { format, width, height, hasAlpha: meta.hasAlpha ?? false };
}

/**
 * Decodes fully (rejecting truncated data and anything past the pixel limit) and re-encodes: EXIF and every
 * other metadata chunk are dropped, orientation is applied. Masks become opaque greyscale PNGs.
 */
export async function reencode(data: Buffer, opts: { mask: boolean; hasAlpha: boolean }) {
  const base = () =>
    sharp(data, { limitInputPixels: LIMITS.uploadMaxPixels, failOn: "truncated", pages: 1 }).autoOrient();
  try {
    if (opts.mask) {
      const out = await base()
        .flatten({ background: "#000000" })
        .greyscale()
        .png({ compressionLevel: 9 })
        .toBuffer({ resolveWithObject: true });
      return {
        data: out.data,
        format: "png" as const,
        contentType: "image/png",
        width: out.info.width,
        height: out.info.height,
      };
    }
    if (opts.hasAlpha) {
      const out = await base().png({ compressionLevel: 6 }).toBuffer({ resolveWithObject: true });
      return {
        data: out.data,
        format: "png" as const,
        contentType: "image/png",
        width: out.info.width,
        height: out.info.height,
      };
    }
    const out = await base().webp({ quality: 95 }).toBuffer({ resolveWithObject: true });
    return {
      data: out.data,
      format: "webp" as const,
      contentType: "image/webp",
      width: out.info.width,
      height: out.info.height,
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/pixel limit/i.test(message))
      throw new AppError("PAYLOAD_TOO_LARGE", "The image has more pixels than uploads allow");
    throw bad("The image could not be decoded: it is damaged or incomplete");
  }
}
