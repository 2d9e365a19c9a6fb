import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { Heart, Star } from "lucide-react";
import { type MouseEvent, useEffect, useRef } from "react";
import { BlurImage } from "@/components/image/blur-image";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/lib/cn";
import { useElementBox } from "../hooks/use-element-width";
import { formatBytes, formatDate, shortModel } from "./format";
import { TileActions } from "./tile-actions";
import type { VirtualViewProps } from "./virtual-grid";

const ROW = 72;
/** Columns appear as the list gets wider (container queries: the filter sidebar changes the width, not the window). */
const COLS =
  "grid grid-cols-[2rem_3.5rem_minmax(0,1fr)_auto] items-center gap-3 @2xl:grid-cols-[2rem_3.5rem_minmax(0,1fr)_8rem_6rem_auto] @4xl:grid-cols-[2rem_3.5rem_minmax(0,1fr)_8rem_6rem_4.5rem_4rem_9.5rem_auto]";
const MID = "hidden @2xl:block";
const WIDE = "hidden @4xl:block";

/** The list view: one row per image with its metadata in columns. Virtualised like the grid. */
export function VirtualList({ items, mode, selection, cb, hasMore, loadMore }: VirtualViewProps) {
  const ref = useRef<HTMLDivElement>(null);
  const { top } = useElementBox(ref);
  const v = useWindowVirtualizer({ count: items.length, estimateSize: () => ROW, overscan: 8, scrollMargin: top, getItemKey: (i) => items[i]!.id });
  const virtual = v.getVirtualItems();
  const last = virtual[virtual.length - 1];
  useEffect(() => {
    if (hasMore && last && last.index >= items.length - 10) loadMore();
  }, [hasMore, last, items.length, loadMore]);

  const onRowClick = (e: MouseEvent, index: number) => {
    if (e.shiftKey) selection.select(index, { range: true });
    else if (e.ctrlKey || e.metaKey || selection.count > 0) selection.select(index, { toggle: true });
    else cb.onPreview(index);
  };

  return (
    <div className="@container rounded-xl border border-border bg-card">
      <div className={cn(COLS, "border-b border-border px-3 py-2 text-xs font-medium text-muted-foreground")} aria-hidden="true">
        <span />
        <span />
        <span>Prompt</span>
        <span className={MID}>Model</span>
        <span className={MID}>Size</span>
        <span className={WIDE}>File</span>
        <span className={WIDE}>Rating</span>
        <span className={WIDE}>Created</span>
        <span />
      </div>
      <div ref={ref} role="list" aria-label="Images" className="relative" style={{ height: v.getTotalSize() }}>
        {virtual.map((row) => {
          const image = items[row.index]!;
          const selected = selection.isSelected(image.id);
          return (
            <div
              key={image.id}
              role="listitem"
              aria-posinset={row.index + 1}
              aria-setsize={items.length}
              data-testid="gallery-tile"
              data-image-id={image.id}
              data-selected={selected || undefined}
              className={cn(COLS, "absolute inset-x-0 border-b border-border px-3 transition-colors duration-200 hover:bg-muted/60", selected && "bg-primary/10")}
              style={{ top: row.start - top, height: ROW }}
            >
              <Checkbox checked={selected} aria-label={`Select ${image.prompt || "image"}`} onClick={(e) => (e.preventDefault(), selection.select(row.index, { toggle: !e.shiftKey, range: e.shiftKey }))} />
              <BlurImage image={image} className="size-14 rounded-lg" alt="" />
              <button type="button" className="min-w-0 cursor-pointer rounded text-left" onClick={(e) => onRowClick(e, row.index)}>
                <span className="line-clamp-2 text-sm">{image.prompt || <span className="text-muted-foreground">No prompt</span>}</span>
                <span className="flex gap-2 text-xs text-muted-foreground @2xl:hidden">
                  {shortModel(image.modelId)} · {image.width}×{image.height}
                </span>
              </button>
              <span className={cn(MID, "truncate font-mono text-xs")} title={image.modelId}>
                {shortModel(image.modelId)}
              </span>
              <span className={cn(MID, "font-mono text-xs")}>
                {image.width}×{image.height}
              </span>
              <span className={cn(WIDE, "font-mono text-xs")}>{formatBytes(image.fileSize)}</span>
              <span className="hidden items-center gap-1 text-xs @4xl:flex">
                {image.isFavorite && <Heart className="size-3.5 fill-accent text-accent" aria-label="Favourite" />}
                {image.rating ? (
                  <>
                    <Star className="size-3.5 fill-warning text-warning" aria-hidden="true" />
                    {image.rating}
                  </>
                ) : null}
              </span>
              <span className={cn(WIDE, "text-xs text-muted-foreground")}>{formatDate(image.createdAt)}</span>
              <div className="[&_button]:bg-muted [&_button]:text-foreground [&_button:hover]:bg-border [&_button:hover]:text-foreground">
                <TileActions image={image} index={row.index} mode={mode} cb={cb} />
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
