import type { Modifier } from "@dnd-kit/core";
import { getEventCoordinates } from "@dnd-kit/utilities";
import { imageFileUrl } from "@image-studio/shared";
import { formatNumber } from "@/i18n";

/** Keeps the preview centred under the cursor or finger (the keyboard moves it from target to target). */
export const snapCenterToCursor: Modifier = ({ activatorEvent, draggingNodeRect, transform }) => {
  if (!draggingNodeRect || !activatorEvent) return transform;
  const at = getEventCoordinates(activatorEvent);
  if (!at) return transform;
  return {
    ...transform,
    x: transform.x + at.x - draggingNodeRect.left - draggingNodeRect.width / 2,
    y: transform.y + at.y - draggingNodeRect.top - draggingNodeRect.height / 2,
  };
};

/** What follows the pointer: the grabbed image's thumbnail, stacked when several images go, with a count. */
export function DragPreview({ imageId, count }: { imageId: string; count: number }) {
  return (
    <div aria-hidden className="pointer-events-none flex size-full items-center justify-center" data-testid="image-drag-preview">
      <div className="relative size-16">
        {count > 1 && <div className="absolute inset-0 translate-x-1.5 translate-y-1.5 rounded-lg bg-muted shadow-md ring-2 ring-background" />}
        <img
          src={imageFileUrl(imageId)}
          alt=""
          className="relative size-16 rounded-lg object-cover shadow-xl ring-2 ring-primary"
          draggable={false}
        />
        <span className="absolute -top-2 -right-2 rounded-full bg-primary-solid px-1.5 py-0.5 text-xs font-semibold text-primary-foreground shadow">
          {formatNumber(count)}
        </span>
      </div>
    </div>
  );
}
