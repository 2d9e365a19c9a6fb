/**
 * Dragging images onto projects and collections: the data a draggable image and a drop target carry, and the
 * wording of announcements and results. Pure — no React, no network — so features and the shell can share it.
 */

export type DropKind = "project" | "collection";

/** What a dragged gallery image carries (`useDraggable({ data })`). */
export interface ImageDragData {
  type: "images";
  imageId: string;
  /** A short description of the image, for announcements. */
  label: string;
  /** The ids this drag moves, read when the drag starts: the whole selection when the image is in it. */
  imageIds: () => string[];
}

/** What a drop target carries (`useDroppable({ data })`). */
export interface DropTargetData {
  type: "drop-target";
  kind: DropKind;
  id: string;
  name: string;
}

export const isImageDrag = (d: unknown): d is ImageDragData =>
  typeof d === "object" && d !== null && (d as { type?: unknown }).type === "images";
export const isDropTarget = (d: unknown): d is DropTargetData =>
  typeof d === "object" && d !== null && (d as { type?: unknown }).type === "drop-target";

/** Dragging a selected image drags the whole selection; any other image goes alone. */
export function idsToDrag(selected: readonly string[], imageId: string): string[] {
  return selected.includes(imageId) ? [...selected] : [imageId];
}

/** Unique per place a target is shown (the sidebar and the touch tray list the same projects). */
export const dropTargetKey = (where: string, kind: DropKind, id: string) => `${where}:${kind}:${id}`;

export const countImages = (n: number) => (n === 1 ? "1 image" : `${n.toLocaleString()} images`);
const describe = (t: DropTargetData) => `${t.kind} ${t.name}`;

export const announce = {
  start: (n: number) =>
    `Picked up ${countImages(n)}. Use the arrow keys to move between the projects and collections in the side bar, Space to drop, Escape to cancel.`,
  over: (t: DropTargetData | undefined) => (t ? `Over ${describe(t)}.` : "Not over a project or collection."),
  end: (n: number, t: DropTargetData | undefined) =>
    t ? `Dropped ${countImages(n)} on ${describe(t)}.` : "Dropped outside any project or collection; nothing changed.",
  cancel: () => "Cancelled; nothing changed.",
};

export const INSTRUCTIONS =
  "To pick up an image (or the selected images), press Space or Enter on its drag handle. Use the arrow keys to move between projects and collections, Space or Enter to drop, Escape to cancel. On a touch screen, press and hold an image, then move it.";

/** The toast after a drop: an image is in one project at a time (so it moves), but in any number of collections. */
export function resultMessage(kind: DropKind, name: string, count: number): string {
  return kind === "project" ? `Moved ${countImages(count)} to ${name}` : `Added ${countImages(count)} to ${name}`;
}
