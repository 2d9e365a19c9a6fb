import { crc32 } from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripMetadata } from "../../src/modules/account-data/strip-metadata";
import { createTestApp, signUp, type TestApp } from "../harness";
import { caller, makePng, storeImage } from "../images/fixtures";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A PNG with a tEXt "parameters" chunk after IHDR, as some generators write them. */
function withTextChunk(png: Buffer, key: string, value: string): Buffer {
  const data = Buffer.from(`${key}\0${value}`, "latin1");
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write("tEXt", 4, "latin1");
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)) >>> 0, 8 + data.length);
  const ihdrEnd = 8 + 12 + png.readUInt32BE(8);
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]);
}

const pixels = (b: Buffer) => sharp(b).raw().toBuffer();

describe("stripMetadata", () => {
  it("drops PNG text chunks and keeps the pixels", async () => {
    const png = withTextChunk(await makePng(), "parameters", "secret prompt, Seed: 42");
    expect(png.includes("secret prompt")).toBe(true);
    const out = stripMetadata(png);
    expect(out.includes("secret prompt")).toBe(false);
    expect((await pixels(out)).equals(await pixels(png))).toBe(true);
  });
  it("drops JPEG EXIF and WebP EXIF, keeping decodable images", async () => {
    const base = sharp(await makePng());
    const jpeg = await base.clone().jpeg().withExif({ IFD0: { Copyright: "Jane Doe GPS" } }).toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const j = stripMetadata(jpeg);
    expect((await sharp(j).metadata()).exif).toBeUndefined();
    expect((await pixels(j)).equals(await pixels(jpeg))).toBe(true);
    const webp = await base.clone().webp({ lossless: true }).withExif({ IFD0: { Copyright: "Jane Doe GPS" } }).toBuffer();
    expect((await sharp(webp).metadata()).exif).toBeDefined();
    const w = stripMetadata(webp);
    expect((await sharp(w).metadata()).exif).toBeUndefined();
    expect((await pixels(w)).equals(await pixels(webp))).toBe(true);
  });
  it("leaves anything else alone", () => {
    const junk = Buffer.from("not an image at all");
    expect(stripMetadata(junk)).toBe(junk);
  });
});

describe("GET /api/images/download/:id honours Settings → Privacy", () => {
  it("serves the original as stored by default and stripped once metadata in downloads is off", async () => {
    const u = await signUp(t);
    const png = withTextChunk(await makePng(), "parameters", "a secret prompt");
    const row = await storeImage(t, u.user.id, png);
    const call = caller(t, u);
    const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer());
    expect((await bytes(await call(`/api/images/download/${row.id}`))).equals(png)).toBe(true);
    expect((await call("/api/settings", { method: "PUT", body: { settings: { downloadMetadata: false } } })).status).toBe(200);
    const res = await call(`/api/images/download/${row.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-disposition")).toContain("attachment;");
    const out = await bytes(res);
    expect(out.includes("a secret prompt")).toBe(false);
    expect((await pixels(out)).equals(await pixels(png))).toBe(true);
    // Someone else's image is still a 404.
    expect((await caller(t, await signUp(t))(`/api/images/download/${row.id}`)).status).toBe(404);
  });
});
