import { randomUUID } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import sharp from "sharp";
import { images } from "../../src/db/schema";
import { processGeneratedImage } from "../../src/lib/image-processing";
import { originalKey, variantKey } from "../../src/storage/keys";
import { jsonRequest, type SignedUpUser, type TestApp } from "../harness";

export type ImageInsert = typeof images.$inferInsert;

/** A PNG with a diagonal gradient in `hue`; `noise` flips a few pixels (a near-duplicate of the same hue). */
export async function makePng(opts: { width?: number; height?: number; hue?: number; noise?: number; stripes?: boolean } = {}): Promise<Buffer> {
  const width = opts.width ?? 64;
  const height = opts.height ?? 64;
  const px = Buffer.alloc(width * height * 3);
  const hue = opts.hue ?? 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const v = opts.stripes ? (Math.floor(x / 8) % 2) * 255 : Math.round(((x + y) / (width + height)) * 255);
      px[i] = (v + hue) % 256;
      px[i + 1] = (255 - v + hue * 3) % 256;
      px[i + 2] = (v * 2 + hue * 7) % 256;
    }
  }
  for (let n = 0; n < (opts.noise ?? 0); n++) px[(n * 7919) % px.length] = 255 - px[(n * 7919) % px.length]!;
  return sharp(px, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

let clock = Date.UTC(2026, 0, 1);
/** Strictly increasing creation times, so tests know the order. */
export const nextTime = () => new Date((clock += 60_000));

/** A row without stored files: fast, for list/filter/sort tests. */
export async function insertRow(t: TestApp, userId: string, over: Partial<ImageInsert> = {}) {
  const id = over.id ?? randomUUID();
  const [row] = await t.deps.database.db
    .insert(images)
    .values({
      id,
      userId,
      filePath: originalKey(userId, id, "png"),
      fileUrl: `/api/images/${id}/file/original`,
      width: 512,
      height: 512,
      fileSize: 1000,
      format: "png",
      prompt: "a quiet harbour at dawn",
      modelId: "local/sketch",
      createdAt: nextTime(),
      ...over,
    })
    .returning();
  return row!;
}

/** A real image: bytes processed like ingest does (variants, thumbhash, phash) and stored under the real keys. */
export async function storeImage(t: TestApp, userId: string, png: Buffer, over: Partial<ImageInsert> = {}) {
  const id = over.id ?? randomUUID();
  const p = await processGeneratedImage(png);
  const key = originalKey(userId, id, "png");
  await t.deps.storage.put(key, p.original, { contentType: p.contentType });
  for (const v of p.variants) await t.deps.storage.put(variantKey(userId, id, `${v.name}.webp`), v.data, { contentType: v.contentType });
  return insertRow(t, userId, {
    id,
    filePath: key,
    width: p.width,
    height: p.height,
    fileSize: p.original.length,
    thumbhash: p.thumbhash,
    phash: p.phash,
    ...over,
  });
}

/** JSON calls as a signed-in user (or anonymous with `null`). */
export function caller(t: TestApp, u: SignedUpUser | null) {
  return (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    jsonRequest(t, path, { ...init, cookie: u?.cookie, ip: u?.ip });
}

export async function ok<T = Record<string, unknown>>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const text = await r.text();
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Reads a ZIP (stored or deflated entries) from its central directory: name → bytes. */
export function unzip(zip: Buffer): Map<string, Buffer> {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip");
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** A stored video (an animated WebP from the local engine's camera, with its poster variants) of `userId`. */
export async function storeVideo(t: TestApp, userId: string, png: Buffer, over: Partial<ImageInsert> = {}) {
  const { renderAnimation } = await import("../../src/providers/local/animate");
  const clip = await renderAnimation(png, { durationSeconds: 2, fps: 4, motion: "zoom-in" });
  const id = over.id ?? randomUUID();
  const p = await processGeneratedImage(clip.video!.poster!);
  const key = originalKey(userId, id, "webp");
  await t.deps.storage.put(key, clip.data, { contentType: "image/webp" });
  for (const v of p.variants) await t.deps.storage.put(variantKey(userId, id, `${v.name}.webp`), v.data, { contentType: v.contentType });
  return insertRow(t, userId, {
    id,
    filePath: key,
    width: clip.width,
    height: clip.height,
    fileSize: clip.data.length,
    format: "webp",
    mediaType: "video",
    durationSeconds: clip.video!.durationSeconds,
    operation: "image-to-video",
    modelId: "local/animate",
    thumbhash: p.thumbhash,
    phash: p.phash,
    ...over,
  });
}
