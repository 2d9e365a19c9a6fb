import { tileMinWidth } from "@/lib/theme";
import type { ImageSummary } from "@image-studio/shared";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { idsToDrag } from "@/components/image-dnd/drag-model";
import { scrollRootOf } from "@/lib/scroll-root";
import { columnsFor, useElementBox } from "../hooks/use-element-width";
import { layoutMasonry, type MasonryLayout, masonryFilledTo, masonryHeight, masonryInRange } from "../lib/masonry-layout";
import type { Selection } from "../hooks/use-selection";
import type { GalleryMode } from "../search";
import { useFling } from "../hooks/use-fling";
import { TilePlaceholder } from "./fling-placeholder";
import { GalleryTile } from "./gallery-tile";
import type { TileCallbacks } from "./tile-actions";

export interface VirtualViewProps {
  items: ImageSummary[];
  mode: GalleryMode;
  selection: Selection;
  cb: TileCallbacks;
  hasMore: boolean;
  loadMore: () => void;
}

const GAP = 12;
/** The masonry wall's rows for the virtualiser: bands of this height (about half a tile), whatever images they hold. */
const BAND = 120;

/**
 * The virtualised image wall. Only the rows on screen (plus a few) exist in the DOM, so 100,000 images scroll as
 * smoothly as 100. Grid: square tiles in rows. Masonry: each image at its own aspect ratio in the shortest lane
 * (heights are known from the metadata, so nothing is measured: lib/masonry-layout.ts). Scrolls with the app's <main>.
 */
export function VirtualGrid({ items, mode, selection, cb, hasMore, loadMore, masonry }: VirtualViewProps & { masonry: boolean }) {
  const { t } = useTranslation("gallery");
  const ref = useRef<HTMLDivElement>(null);
  const { width, top } = useElementBox(ref);
  // Denser on tablets (about 150 px tiles, four across a portrait iPad), roomier on wide screens.
  const cols = columnsFor(width, tileMinWidth(width >= 1100), width >= 560 ? 4 : 2);
  const size = width ? (width - GAP * (cols - 1)) / cols : 200;
  // Masonry: each image's place, extended a page at a time (lib/masonry-layout.ts). Kept across renders in a ref:
  // bringing it up to date is a no-op while the items and lanes are unchanged, and idempotent otherwise.
  const layoutRef = useRef<MasonryLayout | null>(null);
  const layout = masonry ? (layoutRef.current = layoutMasonry(layoutRef.current, items, cols, size, GAP)) : null;
  const wallHeight = layout ? masonryHeight(layout) : 0;
  // The virtualiser sees rows: the grid's rows of tiles, or the masonry wall cut into equal bands (its own lanes
  // re-placed every image on each page appended); the images overlapping the bands on screen are then looked up.
  const rows = layout ? Math.ceil(wallHeight / BAND) : Math.ceil(items.length / cols);
  // Before the virtualiser: its scroll listener must see this one's verdict.
  const fling = useFling(ref);
  // The element virtualiser (the app scrolls in <main>): its functions are read each render, never memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const v = useVirtualizer({
    getScrollElement: () => scrollRootOf(ref.current),
    count: rows,
    estimateSize: () => (layout ? BAND : size + GAP),
    // One row (or band) beyond the screen each way: every overscanned tile is DOM, style and layout on each frame.
    overscan: 1,
    scrollMargin: top,
  });
  const virtual = v.getVirtualItems();
  // Read when a drag starts, through a ref: the tiles (memoised) keep one callback while the selection changes.
  const selected = useRef(selection.selected);
  useLayoutEffect(() => {
    selected.current = selection.selected;
  }, [selection.selected]);
  const dragIds = useCallback((id: string) => idsToDrag(selected.current, id), []);
  const last = virtual[virtual.length - 1];
  // While flung, each image is a placeholder; when the wall stops (isScrolling turns false) or slows, real tiles.
  // (Read during render: written by the scroll listener, it is as of the scroll event that renders this.)
  const flinging = v.isScrolling && fling.current.fast;

  // More images when the screen comes within four rows of the end (masonry: of where its shortest lane ends), and
  // again after each page while that is still so (a page that did not fill the screen).
  const nearEnd = Boolean(last) && (layout ? last!.end - top >= masonryFilledTo(layout) - 4 * (size + GAP) : last!.index >= rows - 4);
  useEffect(() => {
    if (hasMore && nearEnd) loadMore();
  }, [hasMore, nearEnd, items.length, loadMore]);

  useEffect(() => v.measure(), [v, size, cols, masonry]);

  const tile = (image: ImageSummary, index: number, left: number, top: number, width: number, height: number) =>
    flinging ? (
      <TilePlaceholder
        key={image.id}
        image={image}
        index={index}
        total={items.length}
        selected={selection.isSelected(image.id)}
        left={left}
        top={top}
        width={width}
        height={height}
      />
    ) : (
      <GalleryTile
        key={image.id}
        image={image}
        index={index}
        total={items.length}
        selected={selection.isSelected(image.id)}
        selecting={selection.count > 0}
        mode={mode}
        fit={masonry ? "contain" : "cover"}
        eager={index < cols * 2}
        left={left}
        top={top}
        width={width}
        height={height}
        onSelect={selection.select}
        dragIds={dragIds}
        cb={cb}
      />
    );

  return (
    <div
      ref={ref}
      role="list"
      aria-label={t("images")}
      className="relative w-full"
      style={{ height: layout ? wallHeight : v.getTotalSize() }}
    >
      {layout
        ? last &&
          masonryInRange(layout, virtual[0]!.start - top, last.end - top).map((i) =>
            tile(items[i]!, i, layout.lane[i]! * (size + GAP), layout.top[i]!, size, layout.height[i]!),
          )
        : virtual.map((row) =>
            items
              .slice(row.index * cols, row.index * cols + cols)
              .map((image, c) => tile(image, row.index * cols + c, c * (size + GAP), row.start - top, size, size)),
          )}
    </div>
  );
}
