import { useDrag } from "@use-gesture/react";
import { useMemo, useState } from "react";

export interface SwipeActions {
  next: () => void;
  prev: () => void;
  close: () => void;
  /** Whether the image is zoomed in (then a drag pans the image instead). */
  zoomed: () => boolean;
}

const SWIPE_X = 60;
const SWIPE_DOWN = 90;

const isBackdrop = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.classList.contains("yarl__slide") || target.classList.contains("yarl__slide_wrapper"));

function reducedMotion() {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/**
 * Touch and pen swipes on the lightbox: left/right go to the next/previous image, down closes. The slide follows
 * the finger while dragging. Mouse drags are left to the lightbox (arrows, wheel and buttons serve desktops).
 * Returns a callback ref for an element rendered inside the lightbox.
 */
export function useLightboxSwipe(actions: SwipeActions) {
  // A callback ref on an element inside the lightbox: from it we find the container the gestures attach to.
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const container = anchor?.closest<HTMLElement>(".yarl__container") ?? null;
  const target = useMemo(() => ({ current: container }), [container]);

  const move = (dx: number, dy: number, animate: boolean) => {
    const slide = container?.querySelector<HTMLElement>(".yarl__slide_current");
    if (!slide) return;
    slide.style.transition = animate && !reducedMotion() ? "transform 200ms ease-in-out, opacity 200ms ease-in-out" : "";
    slide.style.transform = dx || dy ? `translate3d(${dx}px, ${Math.max(0, dy)}px, 0)` : "";
    slide.style.opacity = dy > 0 ? String(Math.max(0.4, 1 - dy / 400)) : "";
  };

  useDrag(
    ({ event, first, last, tap, movement: [mx, my], swipe: [sx, sy], touches, cancel, memo }) => {
      const pointer = (event as PointerEvent).pointerType;
      if (first && pointer === "mouse") return "mouse";
      if (memo === "mouse") {
        // A click on the dark backdrop closes (the lightbox's own backdrop click would also fire after swipes).
        if (last && tap && isBackdrop(event.target)) actions.close();
        return memo;
      }
      if (first && actions.zoomed()) return "skip";
      if (memo === "skip") return memo;
      if (touches > 1) {
        move(0, 0, false);
        cancel();
        return "skip";
      }
      const horizontal = Math.abs(mx) >= Math.abs(my);
      if (!last) {
        move(horizontal ? mx : 0, horizontal ? 0 : my, false);
        return memo;
      }
      move(0, 0, true);
      if (horizontal && (mx <= -SWIPE_X || sx === -1)) actions.next();
      else if (horizontal && (mx >= SWIPE_X || sx === 1)) actions.prev();
      else if (!horizontal && (my >= SWIPE_DOWN || sy === 1)) actions.close();
      return memo;
    },
    { target, axis: "lock", filterTaps: true, eventOptions: { passive: true }, enabled: Boolean(container) },
  );
  return setAnchor;
}
