import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { renderRemoveBackground } from "./remove-background";
import { meanDiff, meanRgb, pixelAt, pixels, solidPng } from "./test-helpers";
import { renderStyleTransfer, renderUpscale } from "./utility";

describe("local upscale", () => {
  it("scales by 2 and 4 with Lanczos, keeping transparency", async () => {
    const src = await solidPng(40, 30, "#335577", `<circle cx="20" cy="15" r="8" fill="#ffcc00"/>`);
    for (const scale of [2, 4]) {
      const out = await renderUpscale(src, scale);
      const meta = await sharp(out.data).metadata();
      expect([out.width, out.height, meta.width, meta.height]).toEqual([
        40 * scale,
        30 * scale,
        40 * scale,
        30 * scale,
      ]);
    }
    const transparent = await sharp({
      create: { width: 10, height: 10, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const up = await pixels((await renderUpscale(transparent, 2)).data);
    expect(pixelAt(up, 5, 5)[3]).toBe(0);
  });

  it("refuses factors outside 1..4 (8× is two passes)", async () => {
    const src = await solidPng(8, 8, "#fff");
    await expect(renderUpscale(src, 8)).rejects.toThrow(RangeError);
  });
});

describe("local background removal", () => {
  it("makes a plain background transparent and keeps the subject opaque", async () => {
    // A red disk on white, with a white dot inside it (enclosed: must stay, it is not background).
    const src = await solidPng(
      96,
      96,
      "#ffffff",
      `<circle cx="48" cy="48" r="30" fill="#d01818"/><circle cx="48" cy="48" r="5" fill="#fff"/>`,
    );
    const out = await renderRemoveBackground(src);
    expect((await sharp(out.data).metadata()).hasAlpha).toBe(true);
    const img = await pixels(out.data);
    for (const [x, y] of [
      [0, 0],
      [95, 0],
      [0, 95],
      [95, 95],
      [48, 2],
      [5, 48],
    ] as const)
      expect(pixelAt(img, x, y)[3]).toBeLessThan(20);
    for (const [x, y] of [
      [48, 30],
      [30, 48],
      [66, 48],
      [48, 48],
    ] as const)
      expect(pixelAt(img, x, y)[3]).toBe(255);
    const subject = pixelAt(img, 48, 30);
    expect(subject[0]).toBeGreaterThan(180);
    expect(subject[1]).toBeLessThan(60);
  });

  it("still returns an image with an alpha channel when nothing looks like background", async () => {
    const src = await solidPng(
      32,
      32,
      "#000",
      `<rect width="16" height="32" fill="#fff"/><rect x="16" width="16" height="16" fill="#f00"/>`,
    );
    const out = await renderRemoveBackground(src);
    expect((await sharp(out.data).metadata()).hasAlpha).toBe(true);
  });
});

describe("local style transfer", () => {
  it("recolours the source toward the style image's palette", async () => {
    const src = await solidPng(48, 32, "#3a5f8a", `<rect y="16" width="48" height="16" fill="#8fb4d8"/>`);
    const style = await solidPng(40, 40, "#b03010", `<circle cx="20" cy="20" r="12" fill="#f0a040"/>`);
    const out = await pixels((await renderStyleTransfer(src, style)).data);
    const before = await pixels(src);
    const [r0, , b0] = meanRgb(before);
    const [r1, , b1] = meanRgb(out);
    expect(r1).toBeGreaterThan(r0 + 40);
    expect(b1).toBeLessThan(b0 - 40);
    expect([out.width, out.height]).toEqual([48, 32]);
    expect(meanDiff(await pixels((await renderStyleTransfer(src, style, 0)).data), before)).toBeLessThan(1);
  });
});
