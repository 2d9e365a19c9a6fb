import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { cn } from "@/lib/cn";
import { scrollRootOf } from "@/lib/scroll-root";
import { useElementBox } from "../hooks/use-element-width";
import { useFling } from "../hooks/use-fling";
import { RowPlaceholder } from "./fling-placeholder";
import { COLS, ListRow, MID, ROW, WIDE } from "./list-row";
import type { VirtualViewProps } from "./virtual-grid";

/** The list view: one row per image with its metadata in columns. Virtualised like the grid. */
export function VirtualList({ items, mode, selection, cb, hasMore, loadMore }: VirtualViewProps) {
  const { t } = useTranslation("gallery");
  const ref = useRef<HTMLDivElement>(null);
  const { top } = useElementBox(ref);
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
    overscan: 2,
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
        <span />
        <span />
        <span>{t("columns.prompt")}</span>
        <span className={MID}>{t("columns.model")}</span>
        <span className={MID}>{t("columns.size")}</span>
        <span className={WIDE}>{t("columns.file")}</span>
        <span className={WIDE}>{t("columns.rating")}</span>
        <span className={WIDE}>{t("columns.created")}</span>
        <span className="min-w-[6.5rem]" />
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
              onSelect={selection.select}
              cb={cb}
            />
          );
        })}
      </div>
    </div>
  );
}
