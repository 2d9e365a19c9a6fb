import { deflateSync } from "node:zlib";
import { errorBodySchema, uploadResponseSchema } from "@image-studio/shared";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadKey } from "../../src/storage/keys";
import { createTestApp, signUp, type TestApp } from "../harness";
import { makePng, upload, uploadsOf } from "./helpers";

/** A valid PNG header claiming width×height, with a tiny (highly compressed) body: a decompression bomb. */
function pixelBomb(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = deflateSync(Buffer.alloc(Math.min(width + 1, 65536) * 64)); // a sliver of the claimed data
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", rows),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("POST /api/uploads", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("stores a cleaned copy (EXIF stripped, re-encoded) and answers its id and size", async () => {
    const u = await signUp(t);
    const jpeg = await sharp(await makePng({ width: 40, height: 30 }))
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: "secret-camera-owner", Artist: "Jane" } } })
      .toBuffer();
    expect(jpeg.includes("secret-camera-owner")).toBe(true);
    const res = await upload(t, u, jpeg, { name: "photo.jpg", type: "image/jpeg" });
    expect(res.status).toBe(201);
    const body = uploadResponseSchema.parse(await res.json());
    expect([body.width, body.height, body.format]).toEqual([30, 40, "webp"]); // orientation applied
    const obj = await t.deps.storage.get(uploadKey(u.user.id, body.uploadId, "webp"));
    const chunks: Buffer[] = [];
    for await (const c of obj!.body) chunks.push(Buffer.from(c as Uint8Array));
    const stored = Buffer.concat(chunks);
    expect(stored.includes("secret-camera-owner")).toBe(false);
    expect((await sharp(stored).metadata()).exif).toBeUndefined();

    const alpha = await sharp({
      create: { width: 20, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.2 } },
    })
      .png()
      .toBuffer();
    expect(uploadResponseSchema.parse(await (await upload(t, u, alpha)).json()).format).toBe("png");
    const mask = uploadResponseSchema.parse(await (await upload(t, u, await makePng(), { purpose: "mask" })).json());
    expect(mask.format).toBe("png");
  });

  it("rejects the attack corpus with a clear error and stores nothing", async () => {
    const u = await signUp(t);
    const png = await makePng({ width: 32, height: 32 });
    const svg = Buffer.from(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>',
    );
    const jpeg = await sharp(await makePng({ width: 64, height: 64 }))
      .jpeg()
      .toBuffer();
    const corpus: { name: string; data: Buffer; type: string; file: string; status: number; message: RegExp }[] = [
      { name: "SVG with script", data: svg, type: "image/svg+xml", file: "x.svg", status: 415, message: /SVG/ },
      {
        name: "SVG named .png",
        data: Buffer.concat([Buffer.from("\n  "), svg]),
        type: "image/png",
        file: "x.png",
        status: 415,
        message: /SVG/,
      },
      {
        name: "spoofed type (text as PNG)",
        data: Buffer.from("just some text pretending to be a picture"),
        type: "image/png",
        file: "cat.png",
        status: 415,
        message: /not a PNG, JPEG/,
      },
      {
        name: "HTML as JPEG",
        data: Buffer.from("<!doctype html><html><body>hi</body></html>"),
        type: "image/jpeg",
        file: "a.jpg",
        status: 415,
        message: /HTML/,
      },
      {
        name: "polyglot (PNG + HTML)",
        data: Buffer.concat([png, Buffer.from("<html><script>alert(1)</script></html>")]),
        type: "image/png",
        file: "p.png",
        status: 400,
        message: /polyglot/,
      },
      {
        name: "polyglot (PNG + zip)",
        data: Buffer.concat([png, Buffer.from("PK\x03\x04"), Buffer.alloc(200, 7)]),
        type: "image/png",
        file: "p.png",
        status: 400,
        message: /polyglot/,
      },
      { name: "zero-byte", data: Buffer.alloc(0), type: "image/png", file: "empty.png", status: 400, message: /empty/ },
      {
        name: "truncated PNG",
        data: png.subarray(0, Math.floor(png.length / 2)),
        type: "image/png",
        file: "half.png",
        status: 400,
        message: /damaged or incomplete/,
      },
      {
        name: "truncated JPEG",
        data: jpeg.subarray(0, Math.floor(jpeg.length * 0.6)),
        type: "image/jpeg",
        file: "half.jpg",
        status: 400,
        message: /damaged or incomplete/,
      },
      {
        name: "pixel bomb",
        data: pixelBomb(60_000, 60_000),
        type: "image/png",
        file: "bomb.png",
        status: 413,
        message: /megapixels/,
      },
    ];
    for (const c of corpus) {
      const started = Date.now();
      const res = await upload(t, u, c.data, { type: c.type, name: c.file });
      expect(res.status, c.name).toBe(c.status);
      expect(errorBodySchema.parse(await res.json()).error.message, c.name).toMatch(c.message);
      expect(Date.now() - started, c.name).toBeLessThan(3000);
    }
    expect(await uploadsOf(t, u.user.id)).toBe(0);
    const noFile = new FormData();
    noFile.set("purpose", "mask");
    const res = await t.request("/api/uploads", {
      method: "POST",
      headers: { cookie: u.cookie, origin: "http://localhost:3000" },
      body: noFile,
    });
    expect(res.status).toBe(400);
    expect((await upload(t, u, png, { purpose: "avatar" })).status).toBe(400);
    expect(await uploadsOf(t, u.user.id)).toBe(0);
  });
});
