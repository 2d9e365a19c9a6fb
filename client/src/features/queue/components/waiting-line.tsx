import type { BatchSummary, Job, QueueRef } from "@image-studio/shared";
import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  type UniqueIdentifier,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { GripVertical, Layers } from "lucide-react";
import { useState } from "react";
import { type TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { batchKeys, reorderLine } from "@/lib/batch/batch-api";
import { jobKeys } from "@/lib/jobs/job-api";
import { cn } from "@/lib/cn";

export interface LineEntry extends QueueRef {
  title: string;
  detail: string;
}

const keyOf = (r: QueueRef) => `${r.kind}:${r.id}`;

/** Builds the line's rows from its order and what the page already knows about each job and batch. */
export function lineEntries(order: QueueRef[], jobs: Job[], batches: BatchSummary[], t: TFunction<"queue">): LineEntry[] {
  const jobById = new Map(jobs.map((j) => [j.id, j]));
  const batchById = new Map(batches.map((b) => [b.id, b]));
  return order.map((r) => {
    if (r.kind === "batch") {
      const b = batchById.get(r.id);
      return { ...r, title: b?.name ?? t("line.batch"), detail: b ? t("line.batchDetail", { pending: b.pending, total: b.total }) : t("line.batch") };
    }
    const j = jobById.get(r.id);
    return {
      ...r,
      title: j?.prompt ?? t("line.generation"),
      detail: j
        ? j.queuePosition !== undefined
          ? t("line.jobDetail", { model: j.modelId, position: j.queuePosition + 1 })
          : j.modelId
        : t("line.generation"),
    };
  });
}

function Row({ entry, index }: { entry: LineEntry; index: number }) {
  const { t } = useTranslation("queue");
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: keyOf(entry),
  });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-testid="line-entry"
      className={cn(
        "flex items-center gap-3 rounded-xl border border-border bg-card p-2 pr-3 text-sm",
        isDragging && "z-10 opacity-70 ring-2 ring-primary",
      )}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        {...attributes}
        {...listeners}
        aria-label={t("line.move", { position: index + 1, title: entry.title.slice(0, 60) })}
        title={t("line.dragHint")}
        className="flex size-11 shrink-0 cursor-grab touch-none items-center justify-center rounded-md hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none active:cursor-grabbing"
      >
        <GripVertical className="size-4" aria-hidden="true" />
      </button>
      <span className="w-6 shrink-0 text-right font-mono text-xs text-muted-foreground">{index + 1}</span>
      {entry.kind === "batch" && <Layers className="size-4 shrink-0 text-primary-strong" aria-hidden="true" />}
      <div className="grid min-w-0 flex-1">
        <span className="truncate">{entry.title}</span>
        <span className="truncate font-mono text-xs text-muted-foreground">{entry.detail}</span>
      </div>
    </li>
  );
}

/**
 * The user's waiting jobs and batches in run order. Drag one (mouse, touch, or keyboard: space, arrows, space)
 * to change what runs next; every tab of the user sees the new order.
 */
export function WaitingLine({ entries }: { entries: LineEntry[] }) {
  const { t } = useTranslation("queue");
  const queryClient = useQueryClient();
  const [optimistic, setOptimistic] = useState<LineEntry[] | null>(null);
  const shown = optimistic ?? entries;
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const move = useMutation({
    mutationFn: reorderLine,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: batchKeys.line() });
      void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
      setOptimistic(null);
    },
    onError: (e) => toast.error(e.message),
  });
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = shown.findIndex((e) => keyOf(e) === active.id);
    const to = shown.findIndex((e) => keyOf(e) === over.id);
    if (from < 0 || to < 0) return;
    const next = [...shown];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    setOptimistic(next);
    const anchor = shown[to]!;
    const ref = (e: LineEntry): QueueRef => ({ kind: e.kind, id: e.id });
    move.mutate(to < from ? { move: ref(moved!), before: ref(anchor) } : { move: ref(moved!), after: ref(anchor) });
  };
  // What a screen reader hears while moving one (dnd-kit's defaults name raw ids, in English).
  const titleOf = (id: UniqueIdentifier) => shown.find((e) => keyOf(e) === id)?.title.slice(0, 60) ?? "";
  const positionOf = (id: UniqueIdentifier) => shown.findIndex((e) => keyOf(e) === id) + 1;
  const total = shown.length;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t("line.a11y.start", { title: titleOf(active.id), position: positionOf(active.id), total }),
    onDragOver: ({ active, over }) =>
      over ? t("line.a11y.over", { title: titleOf(active.id), position: positionOf(over.id), total }) : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? t("line.a11y.end", { title: titleOf(active.id), position: positionOf(over.id), total })
        : t("line.a11y.cancel", { title: titleOf(active.id) }),
    onDragCancel: ({ active }) => t("line.a11y.cancel", { title: titleOf(active.id) }),
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t("line.a11y.instructions") } }}
    >
      <SortableContext items={shown.map(keyOf)} strategy={verticalListSortingStrategy}>
        <ol className="grid gap-2" aria-label={t("line.label")} data-testid="waiting-line">
          {shown.map((e, i) => (
            <Row key={keyOf(e)} entry={e} index={i} />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
