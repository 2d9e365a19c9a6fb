import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { X } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { BlurImage } from "@/components/image/blur-image";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/lib/cn";
import { projectImagesOptions, projectKeys, removeFromProject } from "../api";
import { DragHandle } from "./move-dnd";

/**
 * The project's image grid, with selection for the bulk "remove from project". A team member sees it read-only
 * (`canRemove` for editors and admins; moving to another project is the owner's).
 */
export function ProjectImages({ projectId, canRemove = true, canMove = true }: { projectId: string; canRemove?: boolean; canMove?: boolean }) {
  const { t } = useTranslation("projects");
  const q = useInfiniteQuery(projectImagesOptions(projectId));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: async (ids: string[]) => {
      for (const id of ids) await removeFromProject(projectId, id);
    },
    onSuccess: () => {
      setSelected(new Set());
      void qc.invalidateQueries({ queryKey: projectKeys.all });
      void qc.invalidateQueries({ queryKey: ["images"] });
    },
    onError: (e) => toast.error(e.message),
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  if (q.isSuccess && items.length === 0)
    return (
      <EmptyState
        title={t("images.emptyTitle")}
        description={t("images.emptyDescription")}
        headingLevel={3}
      />
    );
  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  return (
    <section aria-label={t("images.label")} className="space-y-3">
      {selected.size > 0 && (
        <div className="flex items-center gap-2 rounded-lg bg-muted p-2 text-sm">
          <span>{t("images.selected", { count: selected.size })}</span>
          <Button size="sm" variant="outline" loading={remove.isPending} onClick={() => remove.mutate([...selected])}>
            {t("images.remove")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
            {t("images.clear")}
          </Button>
        </div>
      )}
      <ul className="grid grid-cols-[repeat(auto-fill,minmax(10rem,1fr))] gap-3" data-testid="project-images">
        {items.map((img) => (
          <li
            key={img.id}
            data-image-id={img.id}
            className={cn("group relative overflow-hidden rounded-lg", selected.has(img.id) && "ring-2 ring-primary")}
          >
            <Link to="/images/$imageId" params={{ imageId: img.id }} className="block aspect-square">
              <BlurImage image={img} className="size-full" />
            </Link>
            {canRemove && (
              <input
                type="checkbox"
                aria-label={t("images.select", { label: img.prompt || t("images.image") })}
                checked={selected.has(img.id)}
                onChange={() => toggle(img.id)}
                className="absolute top-2 left-2 size-4"
              />
            )}
            {canMove && <DragHandle imageId={img.id} label={img.prompt || t("images.image")} />}
            {canRemove && (
            <Button
              size="icon"
              variant="secondary"
              aria-label={t("images.remove")}
              className="absolute top-1 right-1 size-7 opacity-0 group-focus-within:opacity-100 group-hover:opacity-100"
              onClick={() => remove.mutate([img.id])}
            >
              <X />
            </Button>
            )}
          </li>
        ))}
      </ul>
      {q.hasNextPage && (
        <Button variant="outline" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t("images.loadMore")}
        </Button>
      )}
    </section>
  );
}
