import { tileMinWidth } from "@/lib/theme";
import type { ImageSummary } from "@image-studio/shared";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { idsToDrag } from "@/components/image-dnd/drag-model";
import { scrollRootOf } from "@/lib/scroll-root";
import { columnsFor, useElementBox } from "../hooks/use-element-width";
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

/**
 * The virtualised image wall. Only the rows on screen (plus a few) exist in the DOM, so 100,000 images scroll as
 * smoothly as 100. Grid: square tiles in rows. Masonry: each image at its own aspect ratio in the shortest lane
 * (heights are known from the metadata, so nothing is measured). Scrolls with the app's <main>.
 */
export function VirtualGrid({ items, mode, selection, cb, hasMore, loadMore, masonry }: VirtualViewProps & { masonry: boolean }) {
  const { t } = useTranslation("gallery");
  const ref = useRef<HTMLDivElement>(null);
  const { width, top } = useElementBox(ref);
  // Denser on tablets (about 150 px tiles, four across a portrait iPad), roomier on wide screens.
  const cols = columnsFor(width, tileMinWidth(width >= 1100), width >= 560 ? 4 : 2);
  const size = width ? (width - GAP * (cols - 1)) / cols : 200;
  const rows = masonry ? items.length : Math.ceil(items.length / cols);
  // One key function per page of items, not per render: the virtualiser recomputes every item's position whenever
  // it gets a new one (O(images) on each scroll frame before — the masonry wall's main cost at 10k+ images).
  const itemKey = useCallback((i: number) => (masonry ? items[i]!.id : i), [masonry, items]);
  // Before the virtualiser: its scroll listener must see this one's verdict.
  const fling = useFling(ref);
  // The element virtualiser (the app scrolls in <main>): its functions are read each render, never memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const v = useVirtualizer({
    getScrollElement: () => scrollRootOf(ref.current),
    count: rows,
    estimateSize: (i) => (masonry ? Math.round((size * items[i]!.height) / items[i]!.width) + GAP : size + GAP),
    // One row beyond the screen each way: every overscanned tile is DOM, style and layout on each frame. With lanes
    // the virtualiser multiplies overscan by the lane count (6 was 30 images each side in five lanes).
    overscan: 1,
    lanes: masonry ? cols : 1,
    scrollMargin: top,
    getItemKey: itemKey,
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

  useEffect(() => {
    if (hasMore && last && last.index >= rows - (masonry ? cols * 4 : 4)) loadMore();
  }, [hasMore, last, rows, masonry, cols, loadMore]);

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
      style={{ height: v.getTotalSize() }}
    >
      {virtual.map((row) => {
        const y = row.start - top;
        if (masonry) {
          const image = items[row.index]!;
          return tile(image, row.index, row.lane * (size + GAP), y, size, row.size - GAP);
        }
        return items
          .slice(row.index * cols, row.index * cols + cols)
          .map((image, c) => tile(image, row.index * cols + c, c * (size + GAP), y, size, size));
      })}
    </div>
  );
}
