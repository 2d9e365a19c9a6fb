import { type RefObject, useLayoutEffect, useRef } from "react";
import { scrollRootOf } from "@/lib/scroll-root";

/** Where the scroll root was at its last scroll event, and whether that event was part of a fling. */
export interface FlingState {
  offset: number;
  time: number;
  fast: boolean;
}

/** A fling starts when one scroll event moves at least half a screen, and lasts while each moves a fifth. */
const ENTER = 0.5;
const LEAVE = 0.2;
/** Events further apart than this are separate moves (a jump to the end, a click on the scroll bar), not a fling. */
const GAP_MS = 500;

/**
 * The fling state after a scroll event at `offset` (px) and `time` (ms), for a viewport `viewport` px tall. Scroll
 * events come at most once a frame, so the distance between two is what the wall moved in a frame: at half a screen
 * most of the tiles on screen are new every frame, and nobody can see them before they are gone.
 */
export function nextFling(prev: FlingState, offset: number, time: number, viewport: number): FlingState {
  if (viewport <= 0 || time - prev.time > GAP_MS) return { offset, time, fast: false };
  const screens = Math.abs(offset - prev.offset) / viewport;
  return { offset, time, fast: screens >= (prev.fast ? LEAVE : ENTER) };
}

/**
 * Whether the wall that `ref` is in is being flung: scrolled so fast that a screen of tiles is replaced every
 * frame. The wall then draws each image as a cheap placeholder (its colour) and mounts the real tiles when the
 * fling slows or stops — the virtualiser re-renders when scrolling stops (`isScrolling`), so a still wall always
 * shows real tiles. Read during render: the listener is added before the virtualiser's (call this hook first), so
 * the state is current when the virtualiser's scroll handler renders the wall.
 */
export function useFling(ref: RefObject<HTMLElement | null>): RefObject<FlingState> {
  const state = useRef<FlingState>({ offset: 0, time: -Infinity, fast: false });
  useLayoutEffect(() => {
    const root = scrollRootOf(ref.current);
    if (!root) return;
    const onScroll = (e: Event) => {
      state.current = nextFling(state.current, root.scrollTop, e.timeStamp, root.clientHeight);
    };
    root.addEventListener("scroll", onScroll, { passive: true });
    return () => root.removeEventListener("scroll", onScroll);
  }, [ref]);
  return state;
}
