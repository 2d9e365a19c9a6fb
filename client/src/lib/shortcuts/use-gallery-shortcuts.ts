import { useShortcut } from "./use-shortcut";

/** What the gallery does for a shortcut, by the index of the focused tile. */
export interface GalleryShortcutActions {
  count: number;
  onOpen: (index: number) => void;
  onSelect: (index: number) => void;
  onFavorite: (index: number) => void;
  onRate: (index: number, rating: number | null) => void;
  onDelete: (index: number) => void;
  onIterate: (index: number) => void;
}

const TILE = "[data-image-id][aria-posinset]";

function focusedTile(): HTMLElement | null {
  const el = document.activeElement;
  return el instanceof HTMLElement ? el.closest<HTMLElement>(TILE) : null;
}
const indexOf = (tile: HTMLElement) => Number(tile.getAttribute("aria-posinset")) - 1;
const nothingFocused = () => !document.activeElement || document.activeElement === document.body || document.activeElement.id === "main";

function focusTile(tile: HTMLElement) {
  const target = tile.querySelector<HTMLElement>("button, a") ?? tile;
  target.focus({ preventScroll: true });
  tile.scrollIntoView({ block: "nearest", inline: "nearest" });
}

function tiles(from: HTMLElement | null): HTMLElement[] {
  const list = from?.parentElement ?? document;
  return [...list.querySelectorAll<HTMLElement>(TILE)];
}

/** Moves focus to tile `index`, scrolling the virtual list until it is rendered (a few frames at most). */
function focusIndex(index: number, near: HTMLElement | null, tries = 8) {
  const tile = tiles(near).find((t) => indexOf(t) === index);
  if (tile) return focusTile(tile);
  if (!tries) return;
  const root = document.querySelector<HTMLElement>("[data-scroll-root]");
  const step = (near?.offsetHeight ?? 200) * (near && index < indexOf(near) ? -1 : 1);
  root?.scrollBy({ top: step });
  requestAnimationFrame(() => focusIndex(index, near, tries - 1));
}

/** The rendered tile nearest in a direction (grid and masonry alike), by position on screen. */
function neighbour(cur: HTMLElement, dir: "up" | "down"): HTMLElement | null {
  const r = cur.getBoundingClientRect();
  const cx = r.left + r.width / 2;
  let best: { t: HTMLElement; score: number } | null = null;
  for (const t of tiles(cur)) {
    if (t === cur) continue;
    const q = t.getBoundingClientRect();
    const below = dir === "down" ? q.top >= r.bottom - 2 : q.bottom <= r.top + 2;
    if (!below) continue;
    const dy = dir === "down" ? q.top - r.bottom : r.top - q.bottom;
    const dx = Math.abs(q.left + q.width / 2 - cx);
    const score = dy * 4 + dx;
    if (!best || score < best.score) best = { t, score };
  }
  return best?.t ?? null;
}

/**
 * Gallery keys: j/k and the arrows move between tiles, Enter opens the viewer, x selects, f favourites, 1–5 rate
 * (0 clears), Delete moves to the trash (with the toast's undo) and i iterates — on the focused tile. Arrows and
 * j/k only act when a tile (or nothing) has focus, so menus, sliders and lists keep their own arrow keys.
 */
export function useGalleryShortcuts(a: GalleryShortcutActions, enabled = true) {
  const on = enabled && a.count > 0;
  const move = (delta: number) => () => {
    const cur = focusedTile();
    if (!cur) {
      if (!nothingFocused()) return false;
      const first = tiles(null)[0];
      if (first) focusTile(first);
      return first ? undefined : false;
    }
    const next = Math.min(a.count - 1, Math.max(0, indexOf(cur) + delta));
    focusIndex(next, cur);
  };
  const vertical = (dir: "up" | "down") => () => {
    const cur = focusedTile();
    if (!cur) return move(0)();
    const n = neighbour(cur, dir);
    if (n) focusTile(n);
    else {
      document.querySelector<HTMLElement>("[data-scroll-root]")?.scrollBy({ top: (dir === "down" ? 1 : -1) * cur.offsetHeight });
      requestAnimationFrame(() => {
        const again = neighbour(cur, dir);
        if (again) focusTile(again);
      });
    }
  };
  const onTile = (fn: (index: number) => void) => () => {
    const cur = focusedTile();
    if (!cur) return false;
    fn(indexOf(cur));
  };
  useShortcut("gallery.next", move(1), on);
  useShortcut("gallery.prev", move(-1), on);
  useShortcut("gallery.right", move(1), on);
  useShortcut("gallery.left", move(-1), on);
  useShortcut("gallery.down", vertical("down"), on);
  useShortcut("gallery.up", vertical("up"), on);
  useShortcut("gallery.open", onTile(a.onOpen), on);
  useShortcut("gallery.select", onTile(a.onSelect), on);
  useShortcut("gallery.favorite", onTile(a.onFavorite), on);
  useShortcut("gallery.rate1", onTile((i) => a.onRate(i, 1)), on);
  useShortcut("gallery.rate2", onTile((i) => a.onRate(i, 2)), on);
  useShortcut("gallery.rate3", onTile((i) => a.onRate(i, 3)), on);
  useShortcut("gallery.rate4", onTile((i) => a.onRate(i, 4)), on);
  useShortcut("gallery.rate5", onTile((i) => a.onRate(i, 5)), on);
  useShortcut("gallery.unrate", onTile((i) => a.onRate(i, null)), on);
  useShortcut("gallery.delete", onTile(a.onDelete), on);
  useShortcut("gallery.iterate", onTile(a.onIterate), on);
}
