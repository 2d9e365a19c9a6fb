import type { CollectionImage } from "@image-studio/shared";
import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
} from "@dnd-kit/core";
import { rectSortingStrategy, SortableContext, sortableKeyboardCoordinates, useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { GripVertical, X } from "lucide-react";
import { BlurImage } from "@/components/image/blur-image";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";

interface BoardProps {
  images: CollectionImage[];
  /** Curated boards can be reordered; smart ones show their query's order. */
  sortable: boolean;
  onMove: (imageId: string, toIndex: number) => void;
  onRemove?: (imageId: string) => void;
}

const labelOf = (images: CollectionImage[], id: string | number) => {
  const i = images.findIndex((x) => x.id === id);
  const img = images[i];
  return img ? `image ${i + 1}${img.prompt ? ` (${img.prompt.slice(0, 40)})` : ""}` : "image";
};

function Tile({
  image,
  index,
  sortable,
  onRemove,
}: {
  image: CollectionImage;
  index: number;
  sortable: boolean;
  onRemove?: (id: string) => void;
}) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: image.id,
    disabled: !sortable,
  });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-testid="collection-tile"
      data-image-id={image.id}
      className={cn(
        "group relative aspect-square overflow-hidden rounded-lg bg-muted",
        isDragging && "z-10 opacity-80 shadow-lg",
      )}
    >
      <BlurImage image={image} className="size-full" />
      {sortable && (
        <button
          type="button"
          {...attributes}
          {...listeners}
          aria-label={`Move image ${index + 1}`}
          className="absolute top-1 left-1 flex size-8 cursor-grab touch-none items-center justify-center rounded-md bg-background/80 focus-visible:ring-2 focus-visible:ring-ring"
        >
          <GripVertical className="size-4" />
        </button>
      )}
      {onRemove && (
        <Button
          size="icon"
          variant="secondary"
          aria-label={`Remove image ${index + 1} from the collection`}
          className="absolute top-1 right-1 size-7 opacity-0 group-focus-within:opacity-100 group-hover:opacity-100"
          onClick={() => onRemove(image.id)}
        >
          <X />
        </Button>
      )}
    </li>
  );
}

/** An ordered grid: drag with a mouse, a finger (press and hold) or the keyboard (space, arrows, space). */
export function SortableBoard({ images, sortable, onMove, onRemove }: BoardProps) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${labelOf(images, active.id)}.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${labelOf(images, active.id)} is over position ${images.findIndex((x) => x.id === over.id) + 1}.`
        : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? `${labelOf(images, active.id)} dropped at position ${images.findIndex((x) => x.id === over.id) + 1}.`
        : "Dropped.",
    onDragCancel: ({ active }) => `Moving ${labelOf(images, active.id)} was cancelled.`,
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onMove(
      String(active.id),
      images.findIndex((x) => x.id === over.id),
    );
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements }}
    >
      <SortableContext items={images.map((i) => i.id)} strategy={rectSortingStrategy}>
        <ul className="grid grid-cols-[repeat(auto-fill,minmax(10rem,1fr))] gap-3" data-testid="collection-board">
          {images.map((img, i) => (
            <Tile key={img.id} image={img} index={i} sortable={sortable} onRemove={onRemove} />
          ))}
        </ul>
      </SortableContext>
    </DndContext>
  );
}
