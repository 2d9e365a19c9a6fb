import { useLayoutEffect, useRef, useState } from "react";

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
      const next = { top: Math.max(0, Math.round(rect.top + window.scrollY)), width: Math.round(rect.width) };
      setBox((b) => (b && b.top === next.top && b.width === next.width ? b : next));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(document.body);
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
    style: { height: box === null ? "calc(100dvh - 3.5rem)" : `calc(100dvh - ${box.top}px)` },
  };
}
