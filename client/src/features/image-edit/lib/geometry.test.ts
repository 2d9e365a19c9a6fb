import { describe, expect, it } from "vitest";
import { cropOf, INITIAL_EDIT, isUnchanged, outputSize, turn } from "./geometry";

describe("image editor geometry", () => {
  it("turns both ways and wraps around", () => {
    expect(turn(0, 90)).toBe(90);
    expect(turn(0, -90)).toBe(270);
    expect(turn(270, 90)).toBe(0);
  });

  it("a square preset on a landscape picture is the full height, centred, and follows the rotation", () => {
    const s = { ...INITIAL_EDIT, preset: "1:1" as const };
    expect(cropOf(s, 200, 100)).toEqual({ x: 0.25, y: 0, width: 0.5, height: 1 });
    expect(outputSize(s, 200, 100)).toEqual({ width: 100, height: 100 });
    // Rotated, the picture is 100×200: the square is the full width.
    expect(cropOf({ ...s, rotate: 90 }, 200, 100)).toEqual({ x: 0, y: 0.25, width: 1, height: 0.5 });
  });

  it("size and position move the crop inside the picture, never outside", () => {
    const c = cropOf({ ...INITIAL_EDIT, preset: "original", size: 50, posX: 100, posY: 0 }, 200, 100)!;
    expect(c).toEqual({ x: 0.5, y: 0, width: 0.5, height: 0.5 });
    const free = cropOf({ ...INITIAL_EDIT, preset: "free", freeWidth: 100, freeHeight: 30, posY: 100 }, 200, 100)!;
    expect(free.x + free.width).toBeLessThanOrEqual(1);
    expect(free.y + free.height).toBeCloseTo(1);
  });

  it("no crop and no change is recognised", () => {
    expect(cropOf(INITIAL_EDIT, 10, 10)).toBeNull();
    expect(isUnchanged(INITIAL_EDIT)).toBe(true);
    expect(isUnchanged({ ...INITIAL_EDIT, brightness: 5 })).toBe(false);
  });
});
