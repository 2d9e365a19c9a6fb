import sharp from "sharp";
import { expect, it } from "vitest";
import { avatarPrefix, uploadPrefix } from "../../src/storage/keys";
import { listAll } from "../../src/storage/types";
import { TEST_ORIGIN, signUp } from "../harness";
import type { World } from "./world";

/**
 * The upload corpus's privacy case: a phone photo's GPS position never reaches storage, through uploads or
 * avatars. The hostile files (SVG with script, polyglots, spoofed types, 0-byte, truncated, pixel bomb) are in
 * server/test/iteration/uploads.test.ts ("rejects the attack corpus…"), which this suite counts in docs/security.md.
 */
/** The GPS IFD pointer tag (0x8825), in either byte order. */
const hasGps = (exif?: Buffer) => Boolean(exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]))));

async function gpsJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 300, height: 300, channels: 3, background: "#7a9" } })
    .jpeg()
    .withExif({ IFD0: { Make: "PhoneCo" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 1234/100", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" } })
    .toBuffer();
}

async function bytes(w: World, key: string): Promise<Buffer> {
  const obj = await w.t.deps.storage.get(key);
  const chunks: Buffer[] = [];
  for await (const c of obj!.body) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

export function uploadTests(world: () => World) {
  it("2 uploads with EXIF GPS (image upload, avatar): stored without any EXIF", async () => {
    const w = world();
    const u = await signUp(w.t);
    const jpeg = await gpsJpeg();
    expect(hasGps((await sharp(jpeg).metadata()).exif)).toBe(true);
    for (const path of ["/api/uploads", "/api/account/avatar"]) {
      const form = new FormData();
      form.set("file", new Blob([new Uint8Array(jpeg)], { type: "image/jpeg" }), "photo.jpg");
      const res = await w.t.request(path, { method: "POST", headers: { Origin: TEST_ORIGIN, Cookie: u.cookie, "X-Forwarded-For": u.ip }, body: form });
      expect(res.status, path).toBe(201);
    }
    const keys = [...(await listAll(w.t.deps.storage, uploadPrefix(u.user.id))), ...(await listAll(w.t.deps.storage, avatarPrefix(u.user.id)))].map((o) => o.key);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) {
      const stored = await bytes(w, key);
      const exif = (await sharp(stored).metadata()).exif;
      expect(hasGps(exif), key).toBe(false);
      expect(exif, key).toBeUndefined();
      expect(stored.includes("PhoneCo"), key).toBe(false);
    }
  });
}
