import {
  type Active,
  type Announcements,
  DndContext,
  type DragEndEvent,
  type DragStartEvent,
  DragOverlay,
  MouseSensor,
  type Over,
  TouchSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useRef, useState } from "react";
import { toast } from "sonner";
import { announce, type DropTargetData, instructions, isDropTarget, isImageDrag } from "./drag-model";
import { DragPreview, snapCenterToCursor } from "./drag-preview";
import { dropImages, invalidateAfterDrop } from "./drop-images";
import { DropTray } from "./drop-tray";
import { detectTarget, TargetKeyboardSensor } from "./keyboard";

/**
 * Touch: hold this long (without moving) to pick images up. The gallery's long press (450 ms) selects first, so
 * "hold" selects, "hold a moment longer and move" drags the selection, and a quick swipe still scrolls.
 */
export const TOUCH_HOLD_MS = 600;

const targetOf = (over: Over | null): DropTargetData | undefined =>
  isDropTarget(over?.data.current) ? over.data.current : undefined;
const idsOf = (active: Active): string[] => {
  const d = active.data.current;
  return isImageDrag(d) ? d.imageIds() : [];
};

interface Dragging {
  imageId: string;
  ids: string[];
}

/**
 * The app-wide drag and drop of images onto projects and collections (app shell level, so the gallery's images
 * and the side bar's targets share it without importing each other). Mouse, touch (press and hold) and keyboard
 * (TargetKeyboardSensor), with spoken announcements; a drop calls the API, shows a toast and refreshes the lists.
 */
export function ImageDndProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [dragging, setDragging] = useState<Dragging | null>(null);
  const current = useRef<Dragging | null>(null);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: TOUCH_HOLD_MS, tolerance: 8 } }),
    useSensor(TargetKeyboardSensor),
  );
  const drop = useMutation({
    mutationFn: ({ target, ids }: { target: DropTargetData; ids: string[] }) => dropImages(target, ids),
    onSuccess: (message) => toast.success(message),
    onError: (e) => toast.error(e.message),
    onSettled: () => invalidateAfterDrop(qc),
  });
  const announcements: Announcements = {
    onDragStart: ({ active }) => (isImageDrag(active.data.current) ? announce.start(idsOf(active).length) : undefined),
    onDragOver: ({ over }) => announce.over(targetOf(over)),
    onDragEnd: ({ over }) => announce.end(current.current?.ids.length ?? 0, targetOf(over)),
    onDragCancel: () => announce.cancel(),
  };
  const set = (d: Dragging | null) => {
    current.current = d;
    setDragging(d);
  };
  const onDragStart = ({ active }: DragStartEvent) => {
    const data = active.data.current;
    if (isImageDrag(data)) set({ imageId: data.imageId, ids: data.imageIds() });
  };
  const onDragEnd = ({ over }: DragEndEvent) => {
    const target = targetOf(over);
    const ids = current.current?.ids ?? [];
    set(null);
    if (target && ids.length) drop.mutate({ target, ids });
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={detectTarget}
      // The targets sit in the fixed side bar (or the drop tray): scrolling the page towards them only moved
      // the page under the cursor and the drop never landed.
      autoScroll={false}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => set(null)}
      accessibility={{ announcements, screenReaderInstructions: { draggable: instructions() } }}
    >
      {children}
      {dragging && <DropTray />}
      <DragOverlay modifiers={[snapCenterToCursor]} dropAnimation={null} zIndex={60}>
        {dragging ? <DragPreview imageId={dragging.imageId} count={dragging.ids.length} /> : null}
      </DragOverlay>
    </DndContext>
  );
}
