import { useDrag } from "@use-gesture/react";
import { useRef } from "react";

const SWIPE_X = 60;

/** Whether the zoom viewer is zoomed in (then a drag pans the picture instead of changing images). */
const zoomedIn = (el: HTMLElement | null) => Boolean(el?.querySelector('[data-zoomed="true"]'));

/**
 * Touch and pen swipes on the image page's picture, as in the lightbox: left goes to the next image, right to the
 * previous. The picture follows the finger; mouse drags and pinch-zoom are left to the viewer.
 */
export function useImageSwipe({ next, prev }: { next?: () => void; prev?: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const move = (dx: number, animate: boolean) => {
    const el = ref.current;
    if (!el) return;
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    el.style.transition = animate && !reduce ? "transform 200ms ease-in-out" : "";
    el.style.transform = dx ? `translate3d(${dx}px, 0, 0)` : "";
  };
  useDrag(
    ({ event, first, last, movement: [mx, my], swipe: [sx], touches, cancel, memo }) => {
      if (first && ((event as PointerEvent).pointerType === "mouse" || zoomedIn(ref.current))) return "skip";
      if (memo === "skip") return memo;
      if (touches > 1 || Math.abs(my) > Math.abs(mx) * 1.5) {
        move(0, true);
        cancel();
        return "skip";
      }
      if (!last) {
        // Resist at the ends: there is nothing to go to.
        move(mx < 0 && !next ? mx / 4 : mx > 0 && !prev ? mx / 4 : mx, false);
        return memo;
      }
      move(0, true);
      if ((mx <= -SWIPE_X || sx === -1) && next) next();
      else if ((mx >= SWIPE_X || sx === 1) && prev) prev();
      return memo;
    },
    { target: ref, axis: "x", filterTaps: true, eventOptions: { passive: true } },
  );
  return ref;
}
