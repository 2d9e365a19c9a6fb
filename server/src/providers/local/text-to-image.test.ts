import { describe, expect, it } from "vitest";
import { meanDiff, meanRgb, pixels } from "./test-helpers";
import { renderTextToImage } from "./text-to-image";

const base = { prompt: "a quiet lake between mountains at sunset", seed: 1234, width: 96, height: 64 };

describe("local text-to-image", () => {
  it("gives byte-identical PNGs for identical inputs", async () => {
    const a = await renderTextToImage(base);
    const b = await renderTextToImage({ ...base });
    expect(a.contentType).toBe("image/png");
    expect(a.data.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(a.data.equals(b.data)).toBe(true);
  });

  it("changes the picture (not just the grain) with the seed and with the prompt", async () => {
    const fast = { ...base, fast: true }; // no grain: any difference is composition or colour
    const a = await pixels((await renderTextToImage(fast)).data);
    const otherSeed = await pixels((await renderTextToImage({ ...fast, seed: 1235 })).data);
    const otherPrompt = await pixels((await renderTextToImage({ ...fast, prompt: "neon city at night" })).data);
    expect(meanDiff(a, otherSeed)).toBeGreaterThan(3);
    expect(meanDiff(a, otherPrompt)).toBeGreaterThan(3);
  });

  it("lets steps, guidance, sampler and the negative prompt change the output", async () => {
    const a = (await renderTextToImage(base)).data;
    for (const change of [
      { steps: 40 },
      { guidanceScale: 15 },
      { sampler: "dpmpp_2m" },
      { negativePrompt: "orange" },
    ]) {
      expect((await renderTextToImage({ ...base, ...change })).data.equals(a), JSON.stringify(change)).toBe(false);
    }
  });

  it.each([
    [64, 64],
    [200, 120],
    [64, 4096],
    [4096, 64],
  ])("honours the requested size %i×%i", async (width, height) => {
    const out = await renderTextToImage({ ...base, width, height });
    const decoded = await pixels(out.data);
    expect([out.width, out.height, decoded.width, decoded.height]).toEqual([width, height, width, height]);
  });

  it.each([
    [63, 64],
    [64, 4097],
    [100.5, 64],
  ])("refuses %s×%s", async (width, height) => {
    await expect(renderTextToImage({ ...base, width, height })).rejects.toThrow(RangeError);
  });

  it("steers the palette by colour words, and the negative prompt removes colours", async () => {
    const redness = ([r, g, b]: number[]) => r! - (g! + b!) / 2;
    for (const seed of [1, 2, 3, 4, 5]) {
      const red = meanRgb(
        await pixels((await renderTextToImage({ ...base, seed, prompt: "a crimson red sunset" })).data),
      );
      const blue = meanRgb(await pixels((await renderTextToImage({ ...base, seed, prompt: "a blue ocean" })).data));
      const noRed = meanRgb(
        await pixels(
          (await renderTextToImage({ ...base, seed, prompt: "a crimson red sunset", negativePrompt: "red" })).data,
        ),
      );
      expect(red[0], `seed ${seed}`).toBeGreaterThan(red[2]);
      expect(blue[2], `seed ${seed}`).toBeGreaterThan(blue[0]);
      expect(redness(noRed), `seed ${seed}`).toBeLessThan(redness(red) - 10);
    }
  });

  it("applies style words: black and white is grey, pixel art is blocky", async () => {
    const mono = await pixels((await renderTextToImage({ ...base, prompt: "black and white forest" })).data);
    for (let i = 0; i < mono.data.length; i += 4) {
      expect(mono.data[i] === mono.data[i + 1] && mono.data[i + 1] === mono.data[i + 2]).toBe(true);
    }
    const pix = await pixels(
      (await renderTextToImage({ ...base, width: 192, height: 192, prompt: "pixel art castle" })).data,
    );
    let same = 0;
    for (let i = 4; i < pix.data.length; i += 4) if (pix.data.readUInt32LE(i) === pix.data.readUInt32LE(i - 4)) same++;
    expect(same / (pix.data.length / 4)).toBeGreaterThan(0.7);
  });
});
