import type { ImageSummary } from "@image-studio/shared";
import { GripVertical, Heart } from "@/components/ui/icons";
import { memo, type MouseEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { BlurImage, placeholderStyle } from "@/components/image/blur-image";
import { VideoHover } from "./video-hover";
import { useImageDraggable } from "@/components/image-dnd/use-image-draggable";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/lib/cn";
import { useLongPress } from "../hooks/use-long-press";
import { clickSelection, type SelectModifiers } from "../hooks/use-selection";
import type { GalleryMode } from "../search";
import { TileActions, type TileCallbacks } from "./tile-actions";

export interface TileProps {
  image: ImageSummary;
  index: number;
  total: number;
  selected: boolean;
  selecting: boolean;
  mode: GalleryMode;
  fit: "cover" | "contain";
  /** The tile's box in the wall, as numbers (not a style object), so a scroll that keeps it in place skips it. */
  left: number;
  top: number;
  width: number;
  height: number;
  eager?: boolean;
  onSelect: (index: number, mod: SelectModifiers) => void;
  /** The ids a drag of this image moves (the selection, when the image is in it). */
  dragIds: (imageId: string) => string[];
  cb: TileCallbacks;
}

/**
 * One image in the grid: click to preview (or to select while selecting), shift/ctrl-click and the checkbox to
 * select, tap-and-hold on touch to select and reveal the quick actions. Hover lifts the card. Drag it (mouse;
 * hold a moment longer after the long press on touch; the grip handle with the keyboard) onto a project or
 * collection in the side bar — a selected image takes the whole selection along.
 */
export const GalleryTile = memo(function GalleryTile({ image, index, total, selected, selecting, mode, fit, left, top, width, height, eager, onSelect, dragIds, cb }: TileProps) {
  const { t } = useTranslation("gallery");
  const [held, setHeld] = useState(false);
  const [hover, setHover] = useState(false);
  const [focused, setFocused] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  // The checkbox and quick actions exist only while the tile is hovered, focused or held (or while selecting):
  // a screen of bare tiles mounts in a fraction of the time, which keeps fast scrolling smooth.
  const active = hover || focused || held || menuOpen;
  // A long press selects (it never deselects: a tap does that while selecting), so holding on into a drag
  // takes this image and the rest of the selection along.
  const press = useLongPress(() => {
    setHeld(true);
    if (!selected) onSelect(index, { toggle: true });
  });
  const onClick = (e: MouseEvent) => {
    if (press.consumeClick()) return;
    const mod = clickSelection(e, selecting);
    if (mod) onSelect(index, mod);
    else cb.onPreview(index);
  };
  const label = image.altText || image.prompt || t("untitled");
  const { setNodeRef, setActivatorNodeRef, isDragging, pointerListeners, handleAttributes, handleKeyDown } = useImageDraggable({
    imageId: image.id,
    label,
    getIds: dragIds,
    disabled: mode === "trash",
  });
  return (
    <div
      role="listitem"
      aria-posinset={index + 1}
      aria-setsize={total}
      data-testid="gallery-tile"
      data-image-id={image.id}
      data-selected={selected || undefined}
      ref={setNodeRef}
      style={{ left, top, width, height }}
      className={cn(
        "group absolute overflow-hidden rounded-xl [contain:strict] bg-muted shadow-sm ring-offset-2 ring-offset-background transition-[box-shadow,transform] duration-200 ease-in-out",
        "hover:-translate-y-0.5 hover:shadow-lg motion-reduce:hover:translate-y-0",
        selected && "ring-3 ring-primary",
        isDragging && "opacity-60",
      )}
      onPointerEnter={(e) => e.pointerType === "mouse" && setHover(true)}
      onPointerLeave={() => {
        setHover(false);
        setHeld(false);
      }}
      onFocus={() => setFocused(true)}
      onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setFocused(false)}
    >
      <button
        type="button"
        className="absolute inset-0 size-full cursor-zoom-in overflow-hidden rounded-xl outline-offset-[-3px] select-none [-webkit-touch-callout:none]"
        // The ThumbHash sketch under the image (it has no box of its own: one element less per tile).
        style={placeholderStyle(image, fit)}
        aria-label={selecting ? (selected ? t("tile.deselectLabel", { label }) : t("tile.selectLabel", { label })) : t("tile.preview", { label })}
        onClick={onClick}
        {...press.handlers}
        {...pointerListeners}
      >
        <BlurImage image={image} fit={fit} eager={eager} alt="" bare />
        {image.mediaType === "video" && <VideoHover imageId={image.id} mp4={image.format === "mp4"} active={active} />}
      </button>
      {(active || selected || selecting) && (
        <div className="absolute top-2 left-2 animate-fade-in">
          <Checkbox
            checked={selected}
            aria-label={t("tile.select", { label })}
            className="size-5 border-white bg-black/40 shadow-md data-[state=checked]:border-primary"
            onClick={(e) => {
              e.preventDefault();
              onSelect(index, { toggle: !e.shiftKey, range: e.shiftKey });
            }}
          />
        </div>
      )}
      {image.isFavorite && mode !== "trash" && (
        <Heart className={cn("absolute top-2.5 right-2.5 size-4 fill-accent text-accent drop-shadow", active && "opacity-0")} aria-label={t("actions.favourite")} />
      )}
      {active && mode !== "trash" && (
        <button
          type="button"
          ref={setActivatorNodeRef}
          {...handleAttributes}
          onKeyDown={handleKeyDown}
          aria-label={t("tile.drag", { label })}
          className="absolute top-2 right-2 flex size-7 animate-fade-in cursor-grab after:absolute after:-inset-2 after:content-[''] items-center justify-center rounded-full bg-black/60 text-white hover:bg-black/80 focus-visible:ring-2 focus-visible:ring-ring"
        >
          <GripVertical className="size-4" aria-hidden="true" />
        </button>
      )}
      {active && (
        <div className="pointer-events-none absolute inset-x-0 bottom-0 flex animate-fade-in items-end justify-between gap-2 bg-linear-to-t from-black/80 via-black/40 to-transparent p-2 pt-8">
          <p className="line-clamp-2 min-w-0 text-xs leading-snug text-white">{image.prompt}</p>
          <div className="pointer-events-auto shrink-0">
            <TileActions image={image} index={index} mode={mode} cb={cb} onMenuOpenChange={setMenuOpen} />
          </div>
        </div>
      )}
    </div>
  );
});
