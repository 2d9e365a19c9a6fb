import { useLayoutEffect, useRef, useState } from "react";
import { scrollRootOf } from "@/lib/scroll-root";

/**
 * Height that makes an element reach exactly to the bottom of the viewport from where it starts, so the studio's
 * panels scroll on their own instead of the page (re-measured when the window or the page above it changes: a
 * dismissed banner, a taller top bar), plus the element's width, which decides the studio's layout.
 */
export function useFillViewport<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [box, setBox] = useState<{ top: number; width: number } | null>(null);
  useLayoutEffect(() => {
    const measure = () => {
      const el = ref.current;
      if (!el) return;
      const rect = el.getBoundingClientRect();
      const scrolled = scrollRootOf(el)?.scrollTop ?? window.scrollY;
      const next = { top: Math.max(0, Math.round(rect.top + scrolled)), width: Math.round(rect.width) };
      setBox((b) => (b && b.top === next.top && b.width === next.width ? b : next));
    };
    measure();
    const ro = new ResizeObserver(measure);
    const root = scrollRootOf(ref.current);
    for (const child of root?.children ?? [document.body]) ro.observe(child);
    if (ref.current) ro.observe(ref.current);
    window.addEventListener("resize", measure);
    return () => {
      ro.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, []);
  return {
    ref,
    width: box?.width ?? null,
    /** Marks the element for the app shell, whose <main> then never scrolls (the panels inside do). */
    fill: { "data-fill-viewport": "" },
    style: { height: box === null ? "calc(100dvh - 3.5rem)" : `calc(100dvh - ${box.top}px)` },
  };
}
