import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { cn } from "@/lib/cn";
import { scrollRootOf } from "@/lib/scroll-root";
import { useElementBox } from "../hooks/use-element-width";
import { useFling } from "../hooks/use-fling";
import { RowPlaceholder } from "./fling-placeholder";
import { COLS, ListRow, MID, MID_REM, ROW, WIDE, WIDE_REM } from "./list-row";
import type { VirtualViewProps } from "./virtual-grid";

/** The list view: one row per image with its metadata in columns. Virtualised like the grid. */
export function VirtualList({ items, mode, selection, cb, hasMore, loadMore }: VirtualViewProps) {
  const { t } = useTranslation("gallery");
  const ref = useRef<HTMLDivElement>(null);
  const { width, top } = useElementBox(ref);
  // The root font size the container queries' rem are in (read when the width changes, never per scroll frame).
  const [rem, setRem] = useState(16);
  useLayoutEffect(() => setRem(parseFloat(getComputedStyle(document.documentElement).fontSize) || 16), [width]);
  const columns = width >= WIDE_REM * rem ? "wide" : width >= MID_REM * rem ? "mid" : "narrow";
  // One key function per page of items: a new one each render made the virtualiser re-place every row per frame.
  const itemKey = useCallback((i: number) => items[i]!.id, [items]);
  // Before the virtualiser: its scroll listener must see this one's verdict.
  const fling = useFling(ref);
  // The element virtualiser (the app scrolls in <main>): its functions are read each render, never memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const v = useVirtualizer({
    getScrollElement: () => scrollRootOf(ref.current),
    count: items.length,
    estimateSize: () => ROW,
    // One row beyond the screen each way: the rows render in the scroll event itself, so none is ever missing.
    overscan: 1,
    scrollMargin: top,
    getItemKey: itemKey,
  });
  const virtual = v.getVirtualItems();
  const last = virtual[virtual.length - 1];
  // While flung, each row is a placeholder; when the list stops (isScrolling turns false) or slows, real rows.
  // (Read during render: written by the scroll listener, it is as of the scroll event that renders this.)
  const flinging = v.isScrolling && fling.current.fast;
  useEffect(() => {
    if (hasMore && last && last.index >= items.length - 10) loadMore();
  }, [hasMore, last, items.length, loadMore]);

  return (
    <div className="@container rounded-xl border border-border bg-card">
      <div
        className={cn(COLS, "border-b border-border px-3 py-2 text-xs font-medium text-muted-foreground")}
        aria-hidden="true"
      >
        {/* Over the prompt column (no empty cells over the checkbox and thumbnail), and only the columns shown. */}
        <span className="col-start-3">{t("columns.prompt")}</span>
        {columns !== "narrow" && (
          <>
            <span className={MID}>{t("columns.model")}</span>
            <span className={MID}>{t("columns.size")}</span>
          </>
        )}
        {columns === "wide" && (
          <>
            <span className={WIDE}>{t("columns.file")}</span>
            <span className={WIDE}>{t("columns.rating")}</span>
            <span className={WIDE}>{t("columns.created")}</span>
          </>
        )}
      </div>
      <div ref={ref} role="list" aria-label={t("images")} className="relative" style={{ height: v.getTotalSize() }}>
        {virtual.map((row) => {
          const image = items[row.index]!;
          if (flinging) {
            return (
              <RowPlaceholder
                key={image.id}
                image={image}
                index={row.index}
                total={items.length}
                selected={selection.isSelected(image.id)}
                top={row.start - top}
                height={ROW}
              />
            );
          }
          return (
            <ListRow
              key={image.id}
              image={image}
              index={row.index}
              total={items.length}
              top={row.start - top}
              selected={selection.isSelected(image.id)}
              selecting={selection.count > 0}
              mode={mode}
              columns={columns}
              onSelect={selection.select}
              cb={cb}
            />
          );
        })}
      </div>
    </div>
  );
}
