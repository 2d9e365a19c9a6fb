import { type RefObject, useLayoutEffect, useState } from "react";
import { offsetInScrollRoot, scrollRootOf } from "@/lib/scroll-root";

/** The element's content width and its offset from the top of what scrolls it (the app's <main>), kept current on resize. */
export function useElementBox(ref: RefObject<HTMLElement | null>) {
  const [box, setBox] = useState({ width: 0, top: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const next = { width: Math.floor(el.clientWidth), top: Math.round(offsetInScrollRoot(el)) };
      setBox((prev) => (prev.width === next.width && prev.top === next.top ? prev : next));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    // Whatever sits above the element in the page (a banner, a wrapping toolbar) moves it.
    for (const child of scrollRootOf(el)?.children ?? [document.body]) ro.observe(child);
    return () => ro.disconnect();
  }, [ref]);
  return box;
}

/** Columns for a width: tiles of about `target` px, never fewer than `min`. */
export function columnsFor(width: number, target: number, min = 2) {
  return Math.max(min, Math.floor((width + 12) / (target + 12)));
}
