import { describe, expect, it } from "vitest";
import { isRank, rankBetween, ranksAfter } from "./collections";

describe("fractional ranks", () => {
  it("starts in the middle and orders as plain strings", () => {
    expect(rankBetween(null, null)).toBe("V");
    const a = rankBetween(null, null);
    const b = rankBetween(a, null);
    const c = rankBetween(null, a);
    expect(c < a && a < b).toBe(true);
  });

  it("always finds room between two ranks, growing one digit at a time", () => {
    let lo = "V";
    const hi = "W";
    for (let i = 0; i < 200; i++) {
      const m = rankBetween(lo, hi);
      expect(lo < m && m < hi).toBe(true);
      expect(isRank(m)).toBe(true);
      lo = m;
    }
    expect(rankBetween("V", "V1")).toBe("V0V");
  });

  it("inserts repeatedly at the front without ending in zero", () => {
    let hi = rankBetween(null, null);
    for (let i = 0; i < 100; i++) {
      const m = rankBetween(null, hi);
      expect(m < hi && isRank(m)).toBe(true);
      hi = m;
    }
  });

  it("appends many increasing ranks", () => {
    const r = ranksAfter(null, 300);
    expect([...r].sort()).toEqual(r);
    expect(new Set(r).size).toBe(300);
  });

  it("refuses ranks out of order or malformed", () => {
    expect(() => rankBetween("b", "a")).toThrow();
    expect(() => rankBetween("a", "a")).toThrow();
    expect(() => rankBetween("a0", null)).toThrow();
    expect(() => rankBetween("a-", null)).toThrow();
  });
});
