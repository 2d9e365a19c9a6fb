import { useDraggable } from "@dnd-kit/core";
import { type KeyboardEvent, useMemo } from "react";
import type { ImageDragData } from "./drag-model";

interface Options {
  imageId: string;
  label: string;
  /** The ids to move when this image is dragged (see idsToDrag); read when the drag starts. */
  getIds: (imageId: string) => string[];
  disabled?: boolean;
}

/**
 * Makes an image draggable onto the projects and collections of the app's side bar (ImageDndProvider).
 * Mouse and touch start on the image itself (`pointerListeners`); the keyboard starts on a separate handle
 * (`setActivatorNodeRef`, `handleAttributes`, `handleKeyDown`), so Enter and Space on the image keep opening it.
 */
export function useImageDraggable({ imageId, label, getIds, disabled }: Options) {
  const data = useMemo<ImageDragData>(
    () => ({ type: "images", imageId, label, imageIds: () => getIds(imageId) }),
    [imageId, label, getIds],
  );
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: `image:${imageId}`,
    data,
    disabled,
  });
  const { onKeyDown, ...pointerListeners } = listeners ?? {};
  return {
    setNodeRef,
    setActivatorNodeRef,
    isDragging,
    pointerListeners,
    /** For the keyboard handle, with `setActivatorNodeRef` as its ref. */
    handleAttributes: attributes,
    handleKeyDown: onKeyDown as ((e: KeyboardEvent<HTMLElement>) => void) | undefined,
  };
}
