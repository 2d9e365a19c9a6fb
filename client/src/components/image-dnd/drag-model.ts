/**
 * Dragging images onto projects and collections: the data a draggable image and a drop target carry, and the
 * wording of announcements and results. Pure — no React, no network — so features and the shell can share it.
 */
import { formatNumber, i18n } from "@/i18n";

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

export const countImages = (n: number) => i18n.t("common:dnd.images", { count: n, n: formatNumber(n) });
const describe = (t: DropTargetData) => i18n.t(t.kind === "project" ? "common:dnd.project" : "common:dnd.collection", { name: t.name });

export const announce = {
  start: (n: number) => i18n.t("common:dnd.start", { images: countImages(n) }),
  over: (t: DropTargetData | undefined) => (t ? i18n.t("common:dnd.over", { target: describe(t) }) : i18n.t("common:dnd.notOver")),
  end: (n: number, t: DropTargetData | undefined) =>
    t ? i18n.t("common:dnd.dropped", { images: countImages(n), target: describe(t) }) : i18n.t("common:dnd.droppedOutside"),
  cancel: () => i18n.t("common:dnd.cancelled"),
};

/** Read when a drag context mounts (screen-reader instructions for draggable images). */
export const instructions = () => i18n.t("common:dnd.instructions");

/** The toast after a drop: an image is in one project at a time (so it moves), but in any number of collections. */
export function resultMessage(kind: DropKind, name: string, count: number): string {
  return i18n.t(kind === "project" ? "common:dnd.moved" : "common:dnd.added", { images: countImages(count), name });
}
