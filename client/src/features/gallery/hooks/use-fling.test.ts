import { describe, expect, it } from "vitest";
import { type FlingState, nextFling } from "./use-fling";

const VIEWPORT = 800;
/** Scroll events one frame apart, moving `steps` px each; the state after each. */
function scroll(steps: number[], start: FlingState = { offset: 0, time: -Infinity, fast: false }) {
  const out: FlingState[] = [];
  let s = start;
  let offset = start.offset;
  let time = Number.isFinite(start.time) ? start.time : 0;
  for (const step of steps) {
    offset += step;
    time += 16;
    s = nextFling(s, offset, time, VIEWPORT);
    out.push(s);
  }
  return out.map((x) => x.fast);
}

describe("when the wall counts as flung", () => {
  it("never while the wheel or the keyboard scrolls a little each frame", () => {
    expect(scroll([40, 100, 100, 120, 60, 20])).toEqual([false, false, false, false, false, false]);
  });

  it("from the first frame that moves half a screen after another scroll event, in either direction", () => {
    expect(scroll([100, 400, 1600, 1600])).toEqual([false, true, true, true]);
    expect(scroll([-100, -1600, -1600], { offset: 50_000, time: 0, fast: false })).toEqual([false, true, true]);
  });

  it("until it slows below a fifth of a screen a frame (no flicker between the two thresholds)", () => {
    expect(scroll([100, 1600, 300, 200, 100, 300, 350])).toEqual([false, true, true, true, false, false, false]);
  });

  it("not for a single jump (the End key, a click on the scroll bar): its tiles are the ones that stay", () => {
    const still = { offset: 0, time: 0, fast: false };
    expect(nextFling(still, 90_000, 1_000, VIEWPORT).fast).toBe(false);
  });

  it("not while the viewport has no height yet", () => {
    expect(nextFling({ offset: 0, time: 0, fast: true }, 5_000, 16, 0).fast).toBe(false);
  });
});
