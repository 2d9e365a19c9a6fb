import type { ImageSummary } from "@image-studio/shared";
import { memo } from "react";
import { thumbhashColor } from "@/components/image/thumbhash";
import { cn } from "@/lib/cn";

interface PlaceholderProps {
  image: ImageSummary;
  index: number;
  total: number;
  selected: boolean;
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * An image of a wall being flung (see useFling): one element in the image's average colour, where the tile is.
 * No image request, no decode, no hooks — the real tile replaces it when the fling slows or stops.
 */
export const TilePlaceholder = memo(function TilePlaceholder({
  image,
  index,
  total,
  selected,
  left,
  top,
  width,
  height,
}: PlaceholderProps) {
  return (
    <div
      role="listitem"
      aria-posinset={index + 1}
      aria-setsize={total}
      data-testid="gallery-placeholder"
      className={cn(
        "absolute rounded-xl bg-muted [contain:strict]",
        selected && "ring-3 ring-primary ring-offset-2 ring-offset-background",
      )}
      style={{ left, top, width, height, backgroundColor: thumbhashColor(image.thumbhash) }}
    />
  );
});

/** A list row while the list is flung: the thumbnail's colour where the thumbnail is, and the prompt. */
export const RowPlaceholder = memo(function RowPlaceholder({
  image,
  index,
  total,
  selected,
  top,
  height,
}: Omit<PlaceholderProps, "left" | "width">) {
  const colour = thumbhashColor(image.thumbhash) ?? "var(--color-muted)";
  return (
    <div
      role="listitem"
      aria-posinset={index + 1}
      aria-setsize={total}
      data-testid="gallery-placeholder"
      // The row's padding (0.75rem), checkbox column (2rem) and gap (0.75rem) before the 3.5rem thumbnail.
      className={cn(
        "absolute inset-x-0 truncate border-b border-border pr-3 pl-[8.5rem] text-sm leading-[72px] text-muted-foreground [contain:strict]",
        selected && "bg-primary/10",
      )}
      style={{
        top,
        height,
        backgroundImage: `linear-gradient(${colour}, ${colour})`,
        backgroundSize: "3.5rem 3.5rem",
        backgroundPosition: "3.5rem center",
        backgroundRepeat: "no-repeat",
      }}
    >
      {image.prompt}
    </div>
  );
});
