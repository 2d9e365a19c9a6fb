/**
 * Where each image of the masonry wall goes: in the shortest lane (the leftmost of equals), as tall as its aspect
 * ratio makes it at the lane's width. Heights come from the images' metadata, so nothing is measured.
 *
 * Incremental: the wall grows a page at a time, and laying out 100,000 images again for every page appended (what
 * the virtualiser's own lanes did, allocating an object per image each time: 10–60 ms a page at 30k–100k images on
 * the development machine) is where a long fling stuttered. A layout is extended from the first image that
 * differs from what it holds (for a page appended: the first new one), in typed arrays; a change earlier in the
 * list (an image deleted, another sort) lays out again from there.
 */
export interface MasonryItem {
  id: string;
  width: number;
  height: number;
}

export interface MasonryLayout {
  readonly lanes: number;
  readonly laneWidth: number;
  readonly gap: number;
  /** The items it was last brought up to date with (a cheap "nothing changed" check on re-render). */
  items: readonly MasonryItem[];
  count: number;
  ids: string[];
  lane: Uint16Array;
  top: Float64Array;
  height: Float64Array;
  /** Per lane, its images' indexes in order (so also in order of `top`), and how many there are. */
  laneItems: Int32Array[];
  laneCount: Int32Array;
  /** Per lane, where its last image ends (0 for an empty lane). */
  laneEnd: Float64Array;
}

/** An image's height in a lane `laneWidth` wide (whole pixels; a broken 0 × 0 image gets a square). */
export function tileHeight(item: MasonryItem, laneWidth: number): number {
  return item.width > 0 && item.height > 0 ? Math.round((laneWidth * item.height) / item.width) : Math.round(laneWidth);
}

function empty(lanes: number, laneWidth: number, gap: number, capacity: number): MasonryLayout {
  return {
    lanes,
    laneWidth,
    gap,
    items: [],
    count: 0,
    ids: [],
    lane: new Uint16Array(capacity),
    top: new Float64Array(capacity),
    height: new Float64Array(capacity),
    laneItems: Array.from({ length: lanes }, () => new Int32Array(Math.ceil(capacity / lanes) + 1)),
    laneCount: new Int32Array(lanes),
    laneEnd: new Float64Array(lanes),
  };
}

function grow<T extends Uint16Array | Float64Array | Int32Array>(a: T, need: number): T {
  if (a.length >= need) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

/** Forgets the images from index `from` on: out of their lanes, each lane ending where its last kept image does. */
function truncate(layout: MasonryLayout, from: number): void {
  for (let l = 0; l < layout.lanes; l++) {
    const list = layout.laneItems[l]!;
    let n = layout.laneCount[l]!;
    while (n > 0 && list[n - 1]! >= from) n--;
    layout.laneCount[l] = n;
    layout.laneEnd[l] = n > 0 ? layout.top[list[n - 1]!]! + layout.height[list[n - 1]!]! : 0;
  }
  layout.count = from;
  layout.ids.length = from;
}

/**
 * The layout of `items` in `lanes` lanes `laneWidth` px wide, `gap` px apart. Reuses and extends `previous` (the
 * same object comes back) when the lanes are the same and only images after some index changed; otherwise a new
 * layout. Pure with respect to `items`: the answer is the same whatever `previous` held.
 */
export function layoutMasonry(
  previous: MasonryLayout | null,
  items: readonly MasonryItem[],
  lanes: number,
  laneWidth: number,
  gap: number,
): MasonryLayout {
  const same = previous && previous.lanes === lanes && previous.laneWidth === laneWidth && previous.gap === gap;
  if (same && previous.items === items) return previous;
  const layout = same ? previous : empty(lanes, laneWidth, gap, Math.max(64, items.length));
  // The first image that is not where the layout has it (same id, same height): everything before it stays.
  let from = 0;
  const kept = Math.min(layout.count, items.length);
  while (
    from < kept &&
    layout.ids[from] === items[from]!.id &&
    layout.height[from] === tileHeight(items[from]!, laneWidth)
  )
    from++;
  if (from < layout.count) truncate(layout, from);
  const n = items.length;
  layout.lane = grow(layout.lane, n);
  layout.top = grow(layout.top, n);
  layout.height = grow(layout.height, n);
  for (let i = from; i < n; i++) {
    let best = 0;
    for (let l = 1; l < lanes; l++) if (layout.laneEnd[l]! < layout.laneEnd[best]!) best = l;
    const item = items[i]!;
    const h = tileHeight(item, laneWidth);
    const y = layout.laneCount[best]! > 0 ? layout.laneEnd[best]! + gap : 0;
    layout.lane[i] = best;
    layout.top[i] = y;
    layout.height[i] = h;
    layout.laneEnd[best] = y + h;
    const c = layout.laneCount[best]!;
    layout.laneItems[best] = grow(layout.laneItems[best]!, c + 1);
    layout.laneItems[best]![c] = i;
    layout.laneCount[best] = c + 1;
    layout.ids[i] = item.id;
  }
  layout.count = n;
  layout.items = items;
  return layout;
}

/** The wall's height: where its longest lane ends. */
export function masonryHeight(layout: MasonryLayout): number {
  let h = 0;
  for (let l = 0; l < layout.lanes; l++) h = Math.max(h, layout.laneEnd[l]!);
  return h;
}

/** Where the wall stops being full: its shortest lane's end (more images are needed before that scrolls into view). */
export function masonryFilledTo(layout: MasonryLayout): number {
  let h = Infinity;
  for (let l = 0; l < layout.lanes; l++) h = Math.min(h, layout.laneEnd[l]!);
  return layout.lanes ? h : 0;
}

/**
 * The indexes of the images that overlap [y0, y1) (wall coordinates), in index order: per lane a binary search for
 * the first image ending below y0, then its images until one starts at or below y1 — O(lanes · log n + shown).
 */
export function masonryInRange(layout: MasonryLayout, y0: number, y1: number): number[] {
  const out: number[] = [];
  for (let l = 0; l < layout.lanes; l++) {
    const list = layout.laneItems[l]!;
    const n = layout.laneCount[l]!;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const i = list[mid]!;
      if (layout.top[i]! + layout.height[i]! <= y0) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < n; k++) {
      const i = list[k]!;
      if (layout.top[i]! >= y1) break;
      out.push(i);
    }
  }
  return out.sort((a, b) => a - b);
}
