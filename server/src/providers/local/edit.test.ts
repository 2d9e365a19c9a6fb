import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { renderImageToImage, renderInpaint, renderVariation } from "./edit";
import { renderOutpaint } from "./outpaint";
import { sketchAt } from "./sketch-canvas";
import { meanDiff, pixelAt, pixels, solidPng } from "./test-helpers";

// A small "photo": a gradient sky, a dark hill and a yellow sun (97×61: odd sizes on purpose).
const W = 97;
const H = 61;
const source = () =>
  solidPng(
    W,
    H,
    "#6fa8dc",
    `<defs><linearGradient id="s" x2="0" y2="1"><stop offset="0" stop-color="#1c4587"/><stop offset="1" stop-color="#f6b26b"/></linearGradient></defs>` +
      `<rect width="${W}" height="${H}" fill="url(#s)"/><circle cx="70" cy="20" r="9" fill="#ffe599"/>` +
      `<path d="M0 45 Q 30 25 60 42 T 97 38 V 61 H 0 Z" fill="#274e13"/>`,
  );
const prompt = { prompt: "a neon city at night", seed: 7 };

describe("local image-to-image", () => {
  it("keeps the source at strength 0 and moves toward the prompt's picture as strength rises", async () => {
    const src = await source();
    const srcPx = await pixels(src);
    const gen = await sketchAt(prompt, W, H);
    const at = async (strength: number) => pixels((await renderImageToImage(src, { ...prompt, strength })).data);
    const [s0, s2, s9, s10] = await Promise.all([at(0), at(0.2), at(0.9), at(1)]);
    expect(meanDiff(s0, srcPx)).toBe(0);
    expect(meanDiff(s2, srcPx)).toBeLessThan(meanDiff(s9, srcPx));
    expect(meanDiff(s9, gen)).toBeLessThan(meanDiff(s2, gen));
    expect(meanDiff(s10, gen)).toBeLessThan(1.5);
    expect([s2.width, s2.height]).toEqual([W, H]);
  });

  it("is deterministic and honours a requested size", async () => {
    const src = await source();
    const a = await renderImageToImage(src, { ...prompt, strength: 0.5 });
    const b = await renderImageToImage(src, { ...prompt, strength: 0.5 });
    expect(a.data.equals(b.data)).toBe(true);
    const sized = await renderImageToImage(src, { ...prompt, strength: 0.5, width: 64, height: 80 });
    expect([sized.width, sized.height]).toEqual([64, 80]);
  });
});

describe("local variation", () => {
  it("stays close to the source, differs per seed, and repeats for the same seed", async () => {
    const src = await source();
    const srcPx = await pixels(src);
    const v1 = await renderVariation(src, { prompt: "", seed: 1 });
    const v1again = await renderVariation(src, { prompt: "", seed: 1 });
    const v2 = await renderVariation(src, { prompt: "", seed: 2 });
    const fresh = await sketchAt({ prompt: "", seed: 1 }, W, H);
    expect(v1.data.equals(v1again.data)).toBe(true);
    expect(v1.data.equals(v2.data)).toBe(false);
    const d = meanDiff(await pixels(v1.data), srcPx);
    expect(d).toBeGreaterThan(2);
    expect(d).toBeLessThan(meanDiff(fresh, srcPx));
  });
});

describe("local inpaint", () => {
  const maskSvg = `<rect x="30" y="10" width="40" height="30" fill="#fff"/>`;
  const inRect = (x: number, y: number, margin: number) =>
    x >= 30 - margin && x < 70 + margin && y >= 10 - margin && y < 40 + margin;

  it("changes only the white part of the mask", async () => {
    const src = await source();
    const mask = await solidPng(W, H, "#000", maskSvg);
    const out = await pixels((await renderInpaint(src, mask, prompt)).data);
    const before = await pixels(src);
    let changedInside = 0;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        if (!inRect(x, y, 0)) expect(pixelAt(out, x, y), `(${x},${y})`).toEqual(pixelAt(before, x, y));
        else if (pixelAt(out, x, y).some((v, k) => Math.abs(v - pixelAt(before, x, y)[k]!) > 12)) changedInside++;
      }
    }
    expect(changedInside).toBeGreaterThan(40 * 30 * 0.5);
  });

  it("resizes a mask of another size to the source", async () => {
    const src = await source();
    // Half-size mask with the rect at half coordinates: after scaling it covers about the same area.
    const mask = await sharp(await solidPng(W, H, "#000", maskSvg))
      .resize(48, 30, { kernel: "nearest" })
      .png()
      .toBuffer();
    const out = await pixels((await renderInpaint(src, mask, prompt)).data);
    const before = await pixels(src);
    expect([out.width, out.height]).toEqual([W, H]);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) if (!inRect(x, y, 3)) expect(pixelAt(out, x, y)).toEqual(pixelAt(before, x, y));
    expect(pixelAt(out, 50, 25)).not.toEqual(pixelAt(before, 50, 25));
  });
});

describe("local outpaint", () => {
  it("grows the canvas by the extension and keeps the original pixels", async () => {
    const src = await source();
    const extend = { top: 10, right: 30, bottom: 5, left: 20 };
    const out = await renderOutpaint(src, extend, prompt);
    expect([out.width, out.height]).toEqual([W + 50, H + 15]);
    const img = await pixels(out.data);
    const before = await pixels(src);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) expect(pixelAt(img, x + 20, y + 10)).toEqual(pixelAt(before, x, y));
    // The new border continues the edge colours near the seam and is filled (opaque), not blank.
    expect(pixelAt(img, 19, 30)[3]).toBe(255);
    const seam = pixelAt(img, 19, 30).slice(0, 3);
    const edge = pixelAt(before, 0, 30).slice(0, 3);
    expect(Math.max(...seam.map((v, k) => Math.abs(v - edge[k]!)))).toBeLessThan(40);
  });

  it("refuses an empty or negative extension", async () => {
    const src = await source();
    await expect(renderOutpaint(src, { top: 0, right: 0, bottom: 0, left: 0 }, prompt)).rejects.toThrow(RangeError);
    await expect(renderOutpaint(src, { top: -1, right: 4, bottom: 0, left: 0 }, prompt)).rejects.toThrow(RangeError);
  });
});
