import type { CollectionImage } from "@image-studio/shared";
import { type DragEndEvent, useDndMonitor } from "@dnd-kit/core";
import { rectSortingStrategy, SortableContext, useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { Link } from "@tanstack/react-router";
import { Expand, GripVertical, X } from "lucide-react";
import type { TFunction } from "i18next";
import { type KeyboardEvent, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { ImageDragData } from "@/components/image-dnd/drag-model";
import { BlurImage } from "@/components/image/blur-image";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";

interface BoardProps {
  images: CollectionImage[];
  /** Curated boards can be reordered; smart ones show their query's order. */
  sortable: boolean;
  onMove: (imageId: string, toIndex: number) => void;
  onRemove?: (imageId: string) => void;
  /** Opens the lightbox at this image. */
  onPreview: (index: number) => void;
}

const labelOf = (t: TFunction<"collections">, image: CollectionImage, index: number) =>
  image.prompt ? t("board.imageWithPrompt", { n: index + 1, prompt: image.prompt.slice(0, 40) }) : t("board.image", { n: index + 1 });

function Tile({ image, index, sortable, onRemove, onPreview }: { image: CollectionImage; index: number } & Pick<BoardProps, "sortable" | "onRemove" | "onPreview">) {
  // The app's image drag (ImageDndProvider): the same drag reorders the board or lands on a side bar target.
  const { t } = useTranslation("collections");
  const data = useMemo<ImageDragData>(() => ({ type: "images", imageId: image.id, label: labelOf(t, image, index), imageIds: () => [image.id] }), [t, image, index]);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: image.id, data, disabled: !sortable });
  const { onKeyDown, ...pointer } = listeners ?? {};
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-testid="collection-tile"
      data-image-id={image.id}
      className={cn("group relative aspect-square overflow-hidden rounded-lg bg-muted", sortable && "touch-manipulation", isDragging && "z-10 opacity-60 ring-2 ring-primary")}
      {...pointer}
    >
      <Link
        to="/images/$imageId"
        params={{ imageId: image.id }}
        draggable={false}
        aria-label={t("board.open", { label: labelOf(t, image, index) })}
        className="block size-full rounded-lg focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none focus-visible:ring-inset"
      >
        <BlurImage image={image} className="size-full" alt="" />
      </Link>
      {sortable && (
        <button
          type="button"
          ref={setActivatorNodeRef}
          {...attributes}
          onKeyDown={onKeyDown as ((e: KeyboardEvent<HTMLButtonElement>) => void) | undefined}
          aria-label={t("board.move", { n: index + 1 })}
          title={t("board.moveHint")}
          className="absolute top-1 left-1 flex size-11 cursor-grab touch-none items-center justify-center rounded-md bg-background/80 focus-visible:ring-2 focus-visible:ring-ring active:cursor-grabbing"
        >
          <GripVertical className="size-4" aria-hidden="true" />
        </button>
      )}
      <div className="absolute right-1 bottom-1 flex gap-1 opacity-0 transition-opacity duration-200 group-focus-within:opacity-100 group-hover:opacity-100 [@media(hover:none)]:opacity-100">
        <Button size="icon" variant="secondary" aria-label={t("board.preview", { n: index + 1 })} className="size-11" onClick={() => onPreview(index)}>
          <Expand aria-hidden="true" />
        </Button>
      </div>
      {onRemove && (
        <Button
          size="icon"
          variant="secondary"
          aria-label={t("board.remove", { n: index + 1 })}
          className="absolute top-1 right-1 size-11 opacity-0 group-focus-within:opacity-100 group-hover:opacity-100 [@media(hover:none)]:opacity-100"
          onClick={() => onRemove(image.id)}
        >
          <X aria-hidden="true" />
        </Button>
      )}
    </li>
  );
}

/**
 * An ordered grid: drag an image (mouse, or a finger after press and hold) to another place on the board or onto
 * a project or collection in the side bar; from the keyboard, its handle picks it up (space), the arrow keys go
 * from place to place and target to target, space drops. A click, tap or Enter opens the image.
 */
export function SortableBoard({ images, sortable, onMove, onRemove, onPreview }: BoardProps) {
  useDndMonitor({
    onDragEnd: ({ active, over }: DragEndEvent) => {
      if (!over || active.id === over.id) return;
      const to = images.findIndex((x) => x.id === over.id);
      if (to >= 0 && images.some((x) => x.id === active.id)) onMove(String(active.id), to);
    },
  });
  return (
    <SortableContext items={images.map((i) => i.id)} strategy={rectSortingStrategy}>
      <ul className="grid grid-cols-[repeat(auto-fill,minmax(10rem,1fr))] gap-3" data-testid="collection-board">
        {images.map((img, i) => (
          <Tile key={img.id} image={img} index={i} sortable={sortable} onRemove={onRemove} onPreview={onPreview} />
        ))}
      </ul>
    </SortableContext>
  );
}
