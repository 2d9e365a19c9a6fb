// The decode pool's worker thread (see decode-pool.ts). Plain JavaScript so that every way the server runs
// (tsx, vitest, the tsup bundle in dist/) can start it without a TypeScript loader. It holds no rules: the main
// thread decides what is accepted; this file only does the pixel work and the byte scans of big buffers.
import { Buffer } from "node:buffer";
import { parentPort } from "node:worker_threads";
import sharp from "sharp";

const MARKUP = /<(script|svg|html|body|iframe|\?php|!doctype|\?xml)[\s>]/i;

/** Data after the image's end marker: the classic way to smuggle a second file (zip, HTML, script) along. */
function trailingBytes(b, format) {
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

class Refused extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

/** Polyglot scan, then a full decode (truncation and the pixel cap enforced) and a clean re-encode. */
async function upload({ id, data, format, mask, hasAlpha, maxPixels }) {
  if (MARKUP.test(data.toString("latin1")) || trailingBytes(data, format) > 16)
    throw new Refused("polyglot", "extra data");
  const base = () => sharp(data, { limitInputPixels: maxPixels, failOn: "truncated", pages: 1 }).autoOrient();
  let pipeline;
  let out = { format: "webp", contentType: "image/webp" };
  if (mask) {
    pipeline = base().flatten({ background: "#000000" }).greyscale().png({ compressionLevel: 9 });
    out = { format: "png", contentType: "image/png" };
  } else if (hasAlpha) {
    pipeline = base().png({ compressionLevel: 6 });
    out = { format: "png", contentType: "image/png" };
  } else pipeline = base().webp({ quality: 95 });
  try {
    const encoding = pipeline.toBuffer({ resolveWithObject: true });
    parentPort.postMessage({ id, started: true }); // the decode now holds one of libuv's threads
    const { data: bytes, info } = await encoding;
    return { ...out, data: bytes, width: info.width, height: info.height };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new Refused(/pixel limit/i.test(message) ? "pixels" : "decode", message);
  }
}

/** What an engine's output needs before it is stored: its header facts, thumbnails and the raw pixels hashed. */
async function derive({ data, variants, maxPixels }) {
  const meta = await sharp(data, { limitInputPixels: maxPixels }).metadata();
  const sized = await Promise.all(
    variants.map(async ({ name, size }) => {
      const { data: bytes, info } = await sharp(data, { limitInputPixels: maxPixels })
        .rotate()
        .resize(size, size, { fit: "inside", withoutEnlargement: true })
        .webp({ quality: 80, alphaQuality: 90 })
        .toBuffer({ resolveWithObject: true });
      return { name, data: bytes, width: info.width, height: info.height };
    }),
  );
  const thumb = await sharp(data, { limitInputPixels: maxPixels })
    .resize(100, 100, { fit: "inside" })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const grey = await sharp(data, { limitInputPixels: maxPixels })
    .greyscale()
    .resize(9, 8, { fit: "fill" })
    .raw()
    .toBuffer();
  return {
    meta: { format: meta.format, width: meta.width, height: meta.height, hasAlpha: Boolean(meta.hasAlpha) },
    variants: sized,
    thumb: { data: thumb.data, width: thumb.info.width, height: thumb.info.height },
    grey,
  };
}

/** Raw pixels of one step, as the next step's input. */
const rawOf = ({ data, info }, maxPixels) =>
  sharp(data, { limitInputPixels: maxPixels, raw: { width: info.width, height: info.height, channels: info.channels } });
const CSS_LUMA = [0.213, 0.715, 0.072];

/**
 * An edit of the image page (crop, rotate, flip, adjust): one pass per step over raw pixels, so the order is the
 * editor's (sharp reorders operations within one pipeline). Adjustments are CSS's formulas, so the browser's
 * live preview shows what is saved.
 */
async function edit({ id, data, rotate, flipH, flipV, crop, brightness, contrast, saturation, format, maxPixels }) {
  let img = await sharp(data, { limitInputPixels: maxPixels, failOn: "truncated" }).rotate().raw().toBuffer({ resolveWithObject: true });
  parentPort.postMessage({ id, started: true });
  const step = (fn) => fn(rawOf(img, maxPixels)).raw().toBuffer({ resolveWithObject: true });
  if (rotate) img = await step((p) => p.rotate(rotate));
  if (flipH || flipV) img = await step((p) => p.flop(Boolean(flipH)).flip(Boolean(flipV)));
  if (crop) {
    const left = Math.min(crop.left, img.info.width - 1);
    const top = Math.min(crop.top, img.info.height - 1);
    const region = { left, top, width: Math.min(crop.width, img.info.width - left), height: Math.min(crop.height, img.info.height - top) };
    img = await step((p) => p.extract(region));
  }
  const b = 1 + brightness / 100;
  const c = 1 + contrast / 100;
  if (b !== 1 || c !== 1) {
    // brightness(b) then contrast(c): v' = (v·b − 128)·c + 128
    const colour = img.info.channels >= 3 ? 3 : 1;
    const alpha = img.info.channels - colour;
    const a = [...Array(colour).fill(b * c), ...Array(alpha).fill(1)];
    const o = [...Array(colour).fill(128 * (1 - c)), ...Array(alpha).fill(0)];
    img = await step((p) => p.linear(a, o));
  }
  if (saturation && img.info.channels >= 3) {
    const s = 1 + saturation / 100;
    const [r, g, bl] = CSS_LUMA;
    const m = [
      [r + (1 - r) * s, g - g * s, bl - bl * s],
      [r - r * s, g + (1 - g) * s, bl - bl * s],
      [r - r * s, g - g * s, bl + (1 - bl) * s],
    ];
    img = await step((p) => p.recomb(m));
  }
  const out = rawOf(img, maxPixels);
  const encoded = format === "jpeg" ? out.jpeg({ quality: 92, mozjpeg: true }) : format === "webp" ? out.webp({ quality: 92 }) : out.png({ compressionLevel: 6 });
  const { data: bytes, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { data: bytes, width: info.width, height: info.height };
}

const OPS = { upload, derive, edit };

parentPort.on("message", async ({ id, op, input }) => {
  try {
    const data = Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength);
    const result = await OPS[op]({ ...input, id, data });
    parentPort.postMessage({ id, ok: true, result });
  } catch (err) {
    const kind = err instanceof Refused ? err.kind : "error";
    parentPort.postMessage({ id, ok: false, kind, message: err instanceof Error ? err.message : String(err) });
  }
});
