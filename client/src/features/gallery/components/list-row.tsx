import type { ImageSummary } from "@image-studio/shared";
import { Heart, Star } from "@/components/ui/icons";
import { memo, type MouseEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { BlurImage } from "@/components/image/blur-image";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/lib/cn";
import { clickSelection, type SelectModifiers } from "../hooks/use-selection";
import type { GalleryMode } from "../search";
import { formatBytes, formatDate, shortModel } from "./format";
import { TileActions, type TileCallbacks } from "./tile-actions";

/**
 * Columns appear as the list gets wider (container queries: the filter sidebar changes the width, not the window).
 * The last column is the quick actions' (three 2rem buttons, 0.25rem apart): a fixed width, so a row without them
 * (not hovered or focused: no element at all) lines up with one that has them.
 */
export const COLS =
  "grid grid-cols-[2rem_3.5rem_minmax(0,1fr)_6.5rem] items-center gap-3 @2xl:grid-cols-[2rem_3.5rem_minmax(0,1fr)_8rem_6rem_6.5rem] @4xl:grid-cols-[2rem_3.5rem_minmax(0,1fr)_8rem_6rem_4.5rem_4rem_9.5rem_6.5rem]";
/** The container widths (in rem) at which COLS adds the middle and the wide columns (Tailwind's @2xl and @4xl). */
export const MID_REM = 42;
export const WIDE_REM = 56;
export const MID = "hidden @2xl:block";
export const WIDE = "hidden @4xl:block";
export const ROW = 72;

interface ListRowProps {
  image: ImageSummary;
  index: number;
  total: number;
  top: number;
  selected: boolean;
  selecting: boolean;
  mode: GalleryMode;
  /**
   * Which columns the list's width shows (MID_REM, WIDE_REM): the cells it hides are not rendered at all (the same
   * container queries still hide them, so a width between two measurements never shows a cell twice).
   */
  columns: "narrow" | "mid" | "wide";
  onSelect: (index: number, mod: SelectModifiers) => void;
  cb: TileCallbacks;
}

/** One row of the list view. Its action buttons mount on hover or focus only, like the grid's tiles. */
export const ListRow = memo(function ListRow({
  image,
  index,
  total,
  top,
  selected,
  selecting,
  mode,
  columns,
  onSelect,
  cb,
}: ListRowProps) {
  const { t } = useTranslation("gallery");
  const [hover, setHover] = useState(false);
  const [focused, setFocused] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const prompt = image.prompt || <span className="text-muted-foreground">{t("noPrompt")}</span>;
  const onClick = (e: MouseEvent) => {
    const mod = clickSelection(e, selecting);
    if (mod) onSelect(index, mod);
    else cb.onPreview(index);
  };
  return (
    <div
      role="listitem"
      aria-posinset={index + 1}
      aria-setsize={total}
      data-testid="gallery-tile"
      data-image-id={image.id}
      data-selected={selected || undefined}
      className={cn(
        COLS,
        "absolute inset-x-0 border-b [contain:strict] border-border px-3 transition-colors duration-200 hover:bg-muted/60",
        selected && "bg-primary/10",
      )}
      style={{ top, height: ROW }}
      onPointerEnter={() => setHover(true)}
      onPointerLeave={() => setHover(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setFocused(false)}
    >
      <Checkbox
        checked={selected}
        aria-label={t("tile.select", { label: image.prompt || t("duplicates.image") })}
        onClick={(e) => (e.preventDefault(), onSelect(index, { toggle: !e.shiftKey, range: e.shiftKey }))}
      />
      <BlurImage image={image} className="size-14 rounded-lg" alt="" />
      {columns === "narrow" ? (
        <button type="button" className="min-w-0 cursor-pointer rounded text-left" onClick={onClick}>
          <span className="line-clamp-2 text-sm">{prompt}</span>
          <span className="flex gap-2 text-xs text-muted-foreground @2xl:hidden">
            {shortModel(image.modelId)} · {image.width}×{image.height}
          </span>
        </button>
      ) : (
        // Wider, the model and size have columns of their own: the button is the prompt's box (one element less).
        <button type="button" className="line-clamp-2 min-w-0 cursor-pointer rounded text-left text-sm" onClick={onClick}>
          {prompt}
        </button>
      )}
      {columns !== "narrow" && (
        <>
          <span className={cn(MID, "truncate font-mono text-xs")} title={image.modelId}>
            {shortModel(image.modelId)}
          </span>
          <span className={cn(MID, "font-mono text-xs")}>
            {image.width}×{image.height}
          </span>
        </>
      )}
      {columns === "wide" && (
        <>
          <span className={cn(WIDE, "font-mono text-xs")}>{formatBytes(image.fileSize)}</span>
          <span className="hidden items-center gap-1 text-xs @4xl:flex">
            {image.isFavorite && (
              <Heart className="size-3.5 fill-accent text-accent" aria-label={t("actions.favourite")} />
            )}
            {image.rating ? (
              <>
                <Star className="size-3.5 fill-warning text-warning" aria-hidden="true" />
                {image.rating}
              </>
            ) : null}
          </span>
          <span className={cn(WIDE, "text-xs text-muted-foreground")}>{formatDate(image.createdAt)}</span>
        </>
      )}
      {(hover || focused || menuOpen) && (
        <div className="[&_button]:bg-muted [&_button]:text-foreground [&_button:hover]:bg-border [&_button:hover]:text-foreground">
          <TileActions image={image} index={index} mode={mode} cb={cb} onMenuOpenChange={setMenuOpen} />
        </div>
      )}
    </div>
  );
});
