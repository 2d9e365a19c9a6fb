import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { CSS } from "@dnd-kit/utilities";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { GripVertical } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { cn } from "@/lib/cn";
import { addToProject, projectKeys, projectListOptions } from "../api";

/** Drag images of this project onto another project (mouse, press-and-hold on touch, or keyboard). */
export function MoveDnd({ projectId, children }: { projectId: string; children: ReactNode }) {
  const { t } = useTranslation("projects");
  const qc = useQueryClient();
  const { data: projects } = useQuery(projectListOptions({ archived: "false" }));
  const nameOf = (id: string | number | undefined) => projects?.find((p) => p.id === id)?.name ?? t("move.aProject");
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor),
  );
  const move = useMutation({
    mutationFn: ({ to, imageId }: { to: string; imageId: string }) => addToProject(to, [imageId]),
    onSuccess: (r) => {
      toast.success(t("move.moved", { name: r.project.name }));
      void qc.invalidateQueries({ queryKey: projectKeys.all });
      void qc.invalidateQueries({ queryKey: ["images"] });
    },
    onError: (e) => toast.error(e.message),
  });
  const announcements: Announcements = {
    onDragStart: () => t("move.dragStart"),
    onDragOver: ({ over }) => (over ? t("move.over", { name: nameOf(over.id) }) : t("move.notOver")),
    onDragEnd: ({ over }) => (over ? t("move.dropped", { name: nameOf(over.id) }) : t("move.droppedOutside")),
    onDragCancel: () => t("move.cancelled"),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && over.id !== projectId) move.mutate({ to: String(over.id), imageId: String(active.id) });
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={pointerWithin}
      onDragEnd={onDragEnd}
      accessibility={{ announcements }}
    >
      {children}
    </DndContext>
  );
}

/** The grip that drags one image. */
export function DragHandle({ imageId, label }: { imageId: string; label: string }) {
  const { t } = useTranslation("projects");
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: imageId });
  return (
    <button
      type="button"
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      aria-label={t("move.drag", { label })}
      style={{ transform: CSS.Translate.toString(transform) }}
      className={cn(
        "absolute bottom-1 left-1 flex size-8 cursor-grab touch-none items-center justify-center rounded-md bg-background/80 focus-visible:ring-2 focus-visible:ring-ring",
        isDragging && "z-20 shadow-lg",
      )}
    >
      <GripVertical className="size-4" />
    </button>
  );
}

function Target({ id, name }: { id: string; name: string }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <li
      ref={setNodeRef}
      data-testid="project-drop-target"
      className={cn(
        "truncate rounded-lg border border-dashed border-border px-3 py-2 text-sm",
        isOver && "border-primary bg-primary/10",
      )}
    >
      {name}
    </li>
  );
}

/** Other projects, as drop targets. */
export function ProjectDropTargets({ projectId }: { projectId: string }) {
  const { t } = useTranslation("projects");
  const { data } = useQuery(projectListOptions({ archived: "false" }));
  const others = data?.filter((p) => p.id !== projectId) ?? [];
  if (!others.length) return null;
  return (
    <section aria-label={t("move.targets")} className="space-y-2 rounded-xl border border-border p-4">
      <h2 className="text-sm font-semibold">{t("move.title")}</h2>
      <p className="text-xs text-muted-foreground">{t("move.hint")}</p>
      <ul className="space-y-1">
        {others.map((p) => (
          <Target key={p.id} id={p.id} name={p.name} />
        ))}
      </ul>
    </section>
  );
}
