/**
 * The behaviour every storage driver must have, as vitest cases. `local.test.ts` and `s3.test.ts` run it.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { imagePrefix, originalKey, uploadKey, userPrefix, variantKey } from "./keys";
import { listAll, RangeNotSatisfiableError, type Storage, StorageKeyError } from "./types";

export async function readBody(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** `data` as a stream of small chunks, the way an HTTP request body arrives. */
export function chunked(data: Buffer, chunkSize = 64 * 1024, failAfter?: number): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += chunkSize) {
        if (failAfter !== undefined && i >= failAfter) throw new Error("client went away");
        yield data.subarray(i, i + chunkSize);
      }
    })(),
    { objectMode: false },
  );
}

const PNG = "image/png";
const image = () => ({ user: randomUUID(), img: randomUUID() });

export function storageContract(name: string, makeStorage: () => Storage | Promise<Storage>): void {
  describe(`storage contract: ${name}`, () => {
    let s: Storage;
    beforeAll(async () => {
      s = await makeStorage();
    });

    it("round-trips a Buffer with its content type, size and ETag", async () => {
      const { user, img } = image();
      const key = originalKey(user, img, "png");
      const data = randomBytes(1000);
      const put = await s.put(key, data, { contentType: PNG, cacheControl: "public, max-age=60" });
      expect(put).toEqual({ size: 1000, etag: `"${createHash("md5").update(data).digest("hex")}"` });
      const got = await s.get(key);
      expect(got).not.toBeNull();
      expect(await readBody(got!.body)).toEqual(data);
      expect(got).toMatchObject({ size: 1000, contentType: PNG, etag: put.etag, cacheControl: "public, max-age=60" });
      expect(got!.range).toBeUndefined();
      expect(Math.abs(got!.lastModified.getTime() - Date.now())).toBeLessThan(60_000);
    });

    it("round-trips an empty object", async () => {
      const { user, img } = image();
      const key = variantKey(user, img, "empty-0.bin");
      expect(await s.put(key, Buffer.alloc(0), { contentType: "application/octet-stream" })).toMatchObject({ size: 0 });
      const got = await s.get(key);
      expect((await readBody(got!.body)).length).toBe(0);
      expect(got!.size).toBe(0);
    });

    it("streams a multi-part upload byte for byte", async () => {
      const { user, img } = image();
      const key = originalKey(user, img, "png");
      const data = randomBytes(6 * 1024 * 1024 + 12345);
      const put = await s.put(key, chunked(data), { contentType: PNG });
      expect(put.size).toBe(data.length);
      const got = await s.get(key);
      const back = await readBody(got!.body);
      expect(back.length).toBe(data.length);
      expect(sha256(back)).toBe(sha256(data));
      expect(got).toMatchObject({ size: data.length, contentType: PNG, etag: put.etag });
      expect((await s.head(key))!.etag).toBe(put.etag);
    });

    it("a failing upload stream leaves the previous object untouched", async () => {
      const { user, img } = image();
      const key = uploadKey(user, img, "png");
      const before = Buffer.from("the old bytes");
      await s.put(key, before, { contentType: "text/plain" });
      const data = randomBytes(6 * 1024 * 1024);
      await expect(s.put(key, chunked(data, 64 * 1024, 5.5 * 1024 * 1024), { contentType: PNG })).rejects.toThrow(
        /client went away/,
      );
      const got = await s.get(key);
      expect(await readBody(got!.body)).toEqual(before);
      expect(got!.contentType).toBe("text/plain");
      const fresh = uploadKey(user, randomUUID(), "png");
      await expect(s.put(fresh, chunked(data, 64 * 1024, 128 * 1024), { contentType: PNG })).rejects.toThrow(
        /client went away/,
      );
      expect(await s.exists(fresh)).toBe(false);
      expect(await listAll(s, userPrefix(user))).toEqual([{ key, size: before.length }]);
    });

    it("keeps ETags stable for the same bytes and changes them with the content", async () => {
      const { user, img } = image();
      const key = originalKey(user, img, "png");
      const a = await s.put(key, Buffer.from("same"), { contentType: PNG });
      const b = await s.put(key, Buffer.from("same"), { contentType: PNG });
      expect(b.etag).toBe(a.etag);
      expect(a.etag).toMatch(/^"[0-9a-f]+(-\d+)?"$/);
      const c = await s.put(key, Buffer.from("different"), { contentType: "image/webp" });
      expect(c.etag).not.toBe(a.etag);
      const head = await s.head(key);
      expect(head).toMatchObject({ etag: c.etag, size: 9, contentType: "image/webp" });
      const got = await s.get(key);
      expect(got!.etag).toBe(c.etag);
      expect((await readBody(got!.body)).toString()).toBe("different");
    });

    it("reads byte ranges (inclusive, open-ended, single byte, clamped)", async () => {
      const { user, img } = image();
      const key = originalKey(user, img, "png");
      const data = Buffer.from(Array.from({ length: 200 }, (_, i) => i));
      await s.put(key, data, { contentType: PNG });
      const read = async (start: number, end?: number) => {
        const got = await s.get(key, { range: { start, end } });
        return { got: got!, bytes: await readBody(got!.body) };
      };
      const mid = await read(10, 19);
      expect(mid.bytes).toEqual(data.subarray(10, 20));
      expect(mid.got).toMatchObject({ size: 200, range: { start: 10, end: 19 }, contentType: PNG });
      const tail = await read(150);
      expect(tail.bytes).toEqual(data.subarray(150));
      expect(tail.got.range).toEqual({ start: 150, end: 199 });
      const first = await read(0, 0);
      expect(first.bytes).toEqual(data.subarray(0, 1));
      expect(first.got.range).toEqual({ start: 0, end: 0 });
      const last = await read(199, 199);
      expect(last.bytes).toEqual(data.subarray(199));
      const clamped = await read(190, 10_000);
      expect(clamped.bytes).toEqual(data.subarray(190));
      expect(clamped.got.range).toEqual({ start: 190, end: 199 });
      await expect(s.get(key, { range: { start: 200 } })).rejects.toBeInstanceOf(RangeNotSatisfiableError);
      await expect(s.get(key, { range: { start: 5, end: 4 } })).rejects.toThrow(RangeError);
      await expect(s.get(key, { range: { start: -1 } })).rejects.toThrow(RangeError);
    });

    it("reads a range deep inside a multi-part object", async () => {
      const { user, img } = image();
      const key = originalKey(user, img, "bin");
      const data = randomBytes(6 * 1024 * 1024);
      await s.put(key, chunked(data), { contentType: "application/octet-stream" });
      const start = 5 * 1024 * 1024 - 10;
      const got = await s.get(key, { range: { start, end: start + 99 } });
      expect(await readBody(got!.body)).toEqual(data.subarray(start, start + 100));
    });

    it("answers head/exists/get for present and missing keys", async () => {
      const { user, img } = image();
      const key = originalKey(user, img, "png");
      expect(await s.get(key)).toBeNull();
      expect(await s.get(key, { range: { start: 0 } })).toBeNull();
      expect(await s.head(key)).toBeNull();
      expect(await s.exists(key)).toBe(false);
      await s.put(key, Buffer.from("x"), { contentType: PNG });
      expect(await s.exists(key)).toBe(true);
      expect(await s.head(key)).toMatchObject({ size: 1, contentType: PNG });
      // A key that is a "folder" of other keys is not an object.
      const folder = imagePrefix(user, img).slice(0, -1);
      expect(await s.head(folder)).toBeNull();
      expect(await s.get(folder)).toBeNull();
      expect(await s.exists(folder)).toBe(false);
    });

    it("deletes idempotently", async () => {
      const { user, img } = image();
      const key = originalKey(user, img, "png");
      const sibling = variantKey(user, img, "thumb-256.webp");
      await s.put(key, Buffer.from("x"), { contentType: PNG });
      await s.put(sibling, Buffer.from("y"), { contentType: "image/webp" });
      await s.delete(key);
      expect(await s.exists(key)).toBe(false);
      await expect(s.delete(key)).resolves.toBeUndefined();
      await expect(s.delete(originalKey(randomUUID(), randomUUID(), "png"))).resolves.toBeUndefined();
      expect(await s.exists(sibling)).toBe(true);
      await s.put(key, Buffer.from("again"), { contentType: PNG });
      expect((await readBody((await s.get(key))!.body)).toString()).toBe("again");
    });

    it("lists, measures and deletes by prefix without crossing users", async () => {
      const a = randomUUID();
      const b = randomUUID();
      const [i1, i2] = [randomUUID(), randomUUID()].sort();
      const aKeys = [
        originalKey(a, i1!, "png"),
        variantKey(a, i1!, "thumb-256.webp"),
        originalKey(a, i2!, "jpg"),
        uploadKey(a, randomUUID(), "png"),
      ];
      const bKeys = [originalKey(b, i1!, "png"), variantKey(b, i2!, "preview-768.webp")];
      await Promise.all([...aKeys, ...bKeys].map((k, n) => s.put(k, randomBytes(10 + n), { contentType: PNG })));
      const listed = await listAll(s, userPrefix(a));
      expect(listed.map((o) => o.key)).toEqual([...aKeys].sort());
      expect(listed.find((o) => o.key === aKeys[2])!.size).toBe(12);
      expect(await s.usage(userPrefix(a))).toEqual({ count: 4, bytes: 10 + 11 + 12 + 13 });
      expect(await s.usage(userPrefix(b))).toEqual({ count: 2, bytes: 14 + 15 });
      expect((await listAll(s, imagePrefix(a, i1!))).map((o) => o.key)).toEqual([aKeys[0], aKeys[1]].sort());
      expect((await listAll(s, `${userPrefix(a)}ima`)).length).toBe(3); // a partial segment is a prefix too
      expect(await s.deleteByPrefix(imagePrefix(a, i1!))).toBe(2);
      expect(await s.usage(userPrefix(a))).toMatchObject({ count: 2 });
      expect(await s.deleteByPrefix(userPrefix(a))).toBe(2);
      expect(await s.usage(userPrefix(a))).toEqual({ bytes: 0, count: 0 });
      expect(await s.deleteByPrefix(userPrefix(a))).toBe(0);
      expect((await listAll(s, userPrefix(b))).map((o) => o.key)).toEqual([...bKeys].sort());
      expect(await s.exists(bKeys[0]!)).toBe(true);
    });

    it("rejects malformed keys and prefixes on every method", async () => {
      const bad = [
        "",
        "/users/x",
        "users/../etc/passwd",
        "users\\x",
        "users//x",
        "users/x/",
        "users/./x",
        "a b",
        "naïve",
        ".meta",
        "users/.x.meta.json",
        "..",
        "a\nb",
      ];
      for (const key of bad) {
        await expect(s.put(key, Buffer.from("x"), { contentType: PNG }), key).rejects.toBeInstanceOf(StorageKeyError);
        await expect(s.get(key), key).rejects.toBeInstanceOf(StorageKeyError);
        await expect(s.head(key), key).rejects.toBeInstanceOf(StorageKeyError);
        await expect(s.exists(key), key).rejects.toBeInstanceOf(StorageKeyError);
        await expect(s.delete(key), key).rejects.toBeInstanceOf(StorageKeyError);
      }
      for (const prefix of ["../", "/users/", "users//", "a\\", "users/../"]) {
        await expect(listAll(s, prefix), prefix).rejects.toBeInstanceOf(StorageKeyError);
        await expect(s.usage(prefix), prefix).rejects.toBeInstanceOf(StorageKeyError);
        await expect(s.deleteByPrefix(prefix), prefix).rejects.toBeInstanceOf(StorageKeyError);
      }
      await expect(s.deleteByPrefix("")).rejects.toBeInstanceOf(StorageKeyError);
      await expect(s.put("users/x/a.png", Buffer.from("x"), { contentType: "" })).rejects.toThrow(TypeError);
    });

    it("reports itself healthy", async () => {
      expect(await s.check()).toEqual({ ok: true });
    });
  });
}
