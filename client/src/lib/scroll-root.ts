/**
 * The app scrolls inside its <main> (marked `data-scroll-root`), never the document: the top bar and sidebar stay
 * in place. Pages outside the app shell scroll the document, so callers fall back to it.
 */
export function scrollRootOf(el: Element | null): HTMLElement | null {
  return el?.closest<HTMLElement>("[data-scroll-root]") ?? null;
}

/** An element's offset from the top of its scroll root's content (or of the document). */
export function offsetInScrollRoot(el: Element): number {
  const root = scrollRootOf(el);
  const rect = el.getBoundingClientRect();
  if (!root) return rect.top + window.scrollY;
  return rect.top - root.getBoundingClientRect().top + root.scrollTop;
}
