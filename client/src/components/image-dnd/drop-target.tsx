import { useDndContext, useDroppable } from "@dnd-kit/core";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import { type DropTargetData, dropTargetKey, isImageDrag } from "./drag-model";

/** True while images are being dragged (for hints on targets). */
export function useImagesDragging() {
  const { active } = useDndContext();
  return isImageDrag(active?.data.current);
}

interface DropTargetProps {
  target: DropTargetData;
  /** Where it is shown ("sidebar", "tray"): the same project may be a target in two places. */
  where: string;
  className?: string;
  children: ReactNode;
}

/** A project or collection that dragged images can be dropped on; outlined while a drag is on, filled when over. */
export function ImageDropTarget({ target, where, className, children }: DropTargetProps) {
  const { setNodeRef, isOver } = useDroppable({ id: dropTargetKey(where, target.kind, target.id), data: target });
  const dragging = useImagesDragging();
  return (
    <div
      ref={setNodeRef}
      data-testid="image-drop-target"
      data-where={where}
      data-kind={target.kind}
      data-target-id={target.id}
      data-over={isOver || undefined}
      className={cn(
        "rounded-lg outline-offset-[-2px] transition-colors duration-150",
        dragging && "outline-2 outline-dashed outline-primary/40",
        isOver && "bg-primary/15 outline-solid outline-primary",
        className,
      )}
    >
      {children}
    </div>
  );
}
