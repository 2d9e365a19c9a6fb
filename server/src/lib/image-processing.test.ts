import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { differenceHash, hammingDistance, processGeneratedImage } from "./image-processing";

const gradient = (w: number, h: number, flip = false) => {
  const raw = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const v = Math.round(((flip ? w - x : x) / w) * 255);
      raw.set([v, 255 - v, (y * 255) / h], (y * w + x) * 3);
    }
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } }).png().toBuffer();
};

describe("processGeneratedImage", () => {
  it("measures the image and makes WebP thumbnails that keep the aspect ratio", async () => {
    const img = await processGeneratedImage(await gradient(1200, 600));
    expect(img).toMatchObject({ width: 1200, height: 600, format: "png", contentType: "image/png" });
    const thumb = img.variants.find((v) => v.name === "thumb-256")!;
    expect([thumb.width, thumb.height]).toEqual([256, 128]);
    expect((await sharp(thumb.data).metadata()).format).toBe("webp");
    const preview = img.variants.find((v) => v.name === "preview-768")!;
    expect([preview.width, preview.height]).toEqual([768, 384]);
    expect(Buffer.from(img.thumbhash, "base64").length).toBeGreaterThan(5);
    expect(img.phash).toMatch(/^[0-9a-f]{16}$/);
  });

  it("never enlarges small images", async () => {
    const img = await processGeneratedImage(await gradient(100, 80));
    expect(img.variants.every((v) => v.width === 100 && v.height === 80)).toBe(true);
  });

  it("rejects bytes that are not an image", async () => {
    await expect(processGeneratedImage(Buffer.from("<svg onload=alert(1)>"))).rejects.toThrow();
  });
});

describe("differenceHash", () => {
  it("keeps near-duplicates close and different images far apart", async () => {
    const a = await gradient(256, 256);
    const resized = await sharp(a).resize(200, 200).jpeg({ quality: 70 }).toBuffer();
    const other = await gradient(256, 256, true);
    const [ha, hr, ho] = await Promise.all([differenceHash(a), differenceHash(resized), differenceHash(other)]);
    expect(hammingDistance(ha, hr)).toBeLessThanOrEqual(6);
    expect(hammingDistance(ha, ho)).toBeGreaterThan(20);
  });
});
