import { describe, expect, it } from "vitest";
import {
  layoutMasonry,
  type MasonryItem,
  type MasonryLayout,
  masonryFilledTo,
  masonryHeight,
  masonryInRange,
  tileHeight,
} from "./masonry-layout";

const SHAPES = [
  [1024, 1024],
  [1360, 768],
  [768, 1360],
  [1152, 864],
] as const;
const item = (i: number, salt = ""): MasonryItem => ({
  id: `img-${i}${salt}`,
  width: SHAPES[i % 4]![0],
  height: SHAPES[(i * 7) % 4]![1],
});
const items = (n: number, salt = "") => Array.from({ length: n }, (_, i) => item(i, salt));

/** The layout written out plainly: each image in the shortest lane (leftmost of equals), one after another. */
function reference(list: readonly MasonryItem[], lanes: number, width: number, gap: number) {
  const ends = Array.from({ length: lanes }, () => -1);
  return list.map((it) => {
    let best = 0;
    for (let l = 1; l < lanes; l++) if (Math.max(0, ends[l]!) < Math.max(0, ends[best]!)) best = l;
    const top = ends[best]! < 0 ? 0 : ends[best]! + gap;
    const height = tileHeight(it, width);
    ends[best] = top + height;
    return { lane: best, top, height };
  });
}

const placed = (layout: MasonryLayout) =>
  Array.from({ length: layout.count }, (_, i) => ({
    lane: layout.lane[i]!,
    top: layout.top[i]!,
    height: layout.height[i]!,
  }));

describe("masonry layout", () => {
  it("puts each image in the shortest lane at its aspect ratio", () => {
    const list = items(500);
    const layout = layoutMasonry(null, list, 5, 200, 12);
    expect(placed(layout)).toEqual(reference(list, 5, 200, 12));
    // A landscape image is shorter than the lane is wide, a portrait one taller.
    expect(tileHeight({ id: "w", width: 1360, height: 768 }, 200)).toBe(113);
    expect(tileHeight({ id: "t", width: 768, height: 1360 }, 200)).toBe(354);
    expect(tileHeight({ id: "broken", width: 0, height: 0 }, 200)).toBe(200);
    // No two images in a lane overlap, and each lane's images are in order.
    for (let l = 0; l < 5; l++) {
      const inLane = placed(layout).filter((p) => p.lane === l);
      for (let k = 1; k < inLane.length; k++)
        expect(inLane[k]!.top).toBe(inLane[k - 1]!.top + inLane[k - 1]!.height + 12);
    }
    expect(masonryHeight(layout)).toBe(Math.max(...placed(layout).map((p) => p.top + p.height)));
    expect(masonryFilledTo(layout)).toBeLessThanOrEqual(masonryHeight(layout));
  });

  it("extends the same layout page by page, to the same result as laying out everything at once", () => {
    const all = items(2_000);
    let layout: MasonryLayout | null = null;
    let first: MasonryLayout | null = null;
    for (let n = 100; n <= all.length; n += 100) {
      layout = layoutMasonry(layout, all.slice(0, n), 4, 173.5, 12);
      first ??= layout;
      expect(layout).toBe(first); // grown in place, not rebuilt
    }
    expect(placed(layout!)).toEqual(placed(layoutMasonry(null, all, 4, 173.5, 12)));
  });

  it("lays out again from the first image that changed: deleted, replaced, re-ordered or resized", () => {
    const all = items(300);
    const cases: MasonryItem[][] = [
      [...all.slice(0, 120), ...all.slice(121)], // one deleted
      [...all.slice(0, 50), { ...all[50]!, id: "another" }, ...all.slice(51)], // another image in its place
      [...all].reverse(), // another order
      [...all.slice(0, 10), { ...all[10]!, width: 100, height: 900 }, ...all.slice(11)], // new dimensions
      all.slice(0, 40), // fewer (another filter)
      [],
    ];
    for (const next of cases) {
      const layout = layoutMasonry(layoutMasonry(null, all, 3, 250, 8), next, 3, 250, 8);
      expect(placed(layout)).toEqual(reference(next, 3, 250, 8));
      expect(masonryInRange(layout, 0, Infinity)).toEqual(next.map((_, i) => i));
    }
  });

  it("starts afresh when the lanes change (another width or column count)", () => {
    const list = items(200);
    const five = layoutMasonry(null, list, 5, 200, 12);
    const four = layoutMasonry(five, list, 4, 200, 12);
    const wider = layoutMasonry(four, list, 4, 260, 12);
    expect(four).not.toBe(five);
    expect(wider).not.toBe(four);
    expect(placed(wider)).toEqual(reference(list, 4, 260, 12));
    // The same items and lanes: nothing to do, the same layout.
    expect(layoutMasonry(wider, list, 4, 260, 12)).toBe(wider);
  });

  it("finds exactly the images that overlap a band of the wall, in index order", () => {
    const list = items(3_000);
    const layout = layoutMasonry(null, list, 5, 200, 12);
    const all = placed(layout);
    for (const [y0, y1] of [
      [0, 900],
      [12_345, 13_245],
      [50_000, 50_001],
      [masonryHeight(layout) - 100, masonryHeight(layout) + 500],
      [-50, 0],
    ] as const) {
      const expected = all.flatMap((p, i) => (p.top < y1 && p.top + p.height > y0 ? [i] : []));
      expect(masonryInRange(layout, y0, y1)).toEqual(expected);
    }
  });
});
