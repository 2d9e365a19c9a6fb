import type { ImageDetail, ImageSummary } from "@image-studio/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { ApiError } from "@/lib/api";
import { engine, enqueueMany, localImage, type NewMutation, SyncRejected } from "@/offline";
import { imageKeys } from "../api/queries";
import * as req from "../api/requests";
import { editDetails, editLists, type ListEdit, markListsStale, rollback, snapshot, type Snapshot } from "./optimistic";

interface Spec<V> {
  run: (v: V) => Promise<unknown>;
  ids: (v: V) => string[];
  list: (v: V) => ListEdit;
  detail?: (v: V) => (d: ImageDetail) => ImageDetail;
  done?: (v: V) => string | undefined;
  undo?: (v: V) => () => void;
  failed: string;
}

/**
 * Writes go through the outbox: the change lands on the device and in the outbox in one transaction, then the
 * sync engine sends it. Online, this waits for the server's verdict (a refusal rolls back and toasts); offline
 * it resolves at once and the change is sent on reconnect.
 */
async function send(mutations: NewMutation[]): Promise<void> {
  const entries = await enqueueMany(mutations);
  await Promise.all(entries.map((e) => engine.outcome(e.id)));
}

/** Bulk mutations carry at most 1000 ids each. */
const chunked = (ids: string[], make: (part: string[]) => NewMutation): NewMutation[] =>
  Array.from({ length: Math.ceil(ids.length / 1000) }, (_, i) => make(ids.slice(i * 1000, i * 1000 + 1000)));

const perImage = (ids: string[], patch: Extract<NewMutation, { type: "image.update" }>["patch"]): NewMutation[] =>
  ids.map((imageId) => ({ type: "image.update", imageId, patch }));

type DetailsPatch = { tags?: string[]; notes?: string; altText?: string; projectId?: string | null };

/** The detail editor sends whole tag lists; the sync protocol wants what was added and removed (so devices merge). */
async function updateDetails(id: string, patch: DetailsPatch) {
  const { tags, ...rest } = patch;
  const local = tags ? await localImage(id) : undefined;
  if (tags && !local) return req.updateImage(id, patch); // not on the device yet: no base to diff against
  const tagsAdd = tags?.filter((t) => !local!.tags.includes(t));
  const tagsRemove = tags ? local!.tags.filter((t) => !tags.includes(t)) : undefined;
  const p = { ...rest, ...(tagsAdd?.length ? { tagsAdd } : {}), ...(tagsRemove?.length ? { tagsRemove } : {}) };
  if (Object.keys(p).length) await send(perImage([id], p));
}

/** A mutation that shows its result at once, rolls back and explains itself in a toast if the server refuses. */
function useOptimistic<V>(spec: Spec<V>) {
  const { t } = useTranslation("gallery");
  const qc = useQueryClient();
  return useMutation<unknown, Error, V, Snapshot>({
    mutationFn: spec.run,
    onMutate: async (v) => {
      const ids = spec.ids(v);
      const snap = await snapshot(qc, ids);
      editLists(qc, new Set(ids), spec.list(v));
      if (spec.detail) editDetails(qc, ids, spec.detail(v));
      return snap;
    },
    onError: (err, _v, snap) => {
      if (snap) rollback(qc, snap);
      toast.error(spec.failed, { description: err instanceof ApiError || err instanceof SyncRejected ? err.message : t("errors.tryAgain") });
    },
    onSuccess: (_r, v) => {
      const message = spec.done?.(v);
      const undo = spec.undo?.(v);
      if (message) toast.success(message, undo ? { action: { label: t("actions.undo"), onClick: undo } } : undefined);
    },
    onSettled: (_r, _e, v) => {
      markListsStale(qc);
      for (const id of spec.ids(v)) void qc.invalidateQueries({ queryKey: imageKeys.detail(id), refetchType: "none" });
    },
  });
}

const patch =
  (p: Partial<ImageSummary>): ListEdit =>
  (img) => ({ ...img, ...p });

/** Every image action of the gallery, image page and lightbox. */
export function useImageActions() {
  const { t } = useTranslation("gallery");
  const favorite = useOptimistic<{ ids: string[]; favorite: boolean }>({
    run: (v) => send(perImage(v.ids, { isFavorite: v.favorite })),
    ids: (v) => v.ids,
    list: (v) => patch({ isFavorite: v.favorite }),
    detail: (v) => (d) => ({ ...d, isFavorite: v.favorite }),
    done: (v) => (v.ids.length > 1 ? (v.favorite ? t("done.favourited", { count: v.ids.length }) : t("done.unfavourited", { count: v.ids.length })) : undefined),
    failed: t("failed.favourites"),
  });
  const rate = useOptimistic<{ id: string; rating: number | null }>({
    run: (v) => send(perImage([v.id], { rating: v.rating })),
    ids: (v) => [v.id],
    list: (v) => patch({ rating: v.rating }),
    detail: (v) => (d) => ({ ...d, rating: v.rating }),
    failed: t("failed.rating"),
  });
  const update = useOptimistic<{ id: string; patch: DetailsPatch }>({
    run: (v) => updateDetails(v.id, v.patch),
    ids: (v) => [v.id],
    list: (v) => patch(v.patch),
    detail: (v) => (d) => ({ ...d, ...v.patch }),
    failed: t("failed.update"),
  });
  const restore = useOptimistic<{ ids: string[] }>({
    run: (v) => send(chunked(v.ids, (imageIds) => ({ type: "image.restore", imageIds }))),
    ids: (v) => v.ids,
    list: () => (img, q) => (q.trash ? null : { ...img, deletedAt: null }),
    detail: () => (d) => ({ ...d, deletedAt: null }),
    done: (v) => t("done.restored", { count: v.ids.length }),
    failed: t("failed.restore"),
  });
  const trash = useOptimistic<{ ids: string[] }>({
    run: (v) => send(chunked(v.ids, (imageIds) => ({ type: "image.trash", imageIds }))),
    ids: (v) => v.ids,
    list: () => (img, q) => (q.trash ? img : null),
    detail: () => (d) => ({ ...d, deletedAt: new Date().toISOString() }),
    done: (v) => t("done.trashed", { count: v.ids.length }),
    undo: (v) => () => restore.mutate({ ids: v.ids }),
    failed: t("failed.trash"),
  });
  const purge = useOptimistic<{ ids: string[] }>({
    run: (v) => req.bulk("bulk-purge", v.ids),
    ids: (v) => v.ids,
    list: () => () => null,
    done: (v) => t("done.purged", { count: v.ids.length }),
    failed: t("failed.purge"),
  });
  const move = useOptimistic<{ ids: string[]; projectId: string | null; projectName?: string }>({
    run: (v) => send(chunked(v.ids, (imageIds) => ({ type: "image.move", imageIds, projectId: v.projectId }))),
    ids: (v) => v.ids,
    list: (v) => patch({ projectId: v.projectId }),
    detail: (v) => (d) => ({ ...d, projectId: v.projectId, projectName: v.projectName ?? null }),
    done: (v) =>
      v.projectId
        ? t("done.moved", { count: v.ids.length, project: v.projectName ?? t("done.theProject") })
        : t("done.movedOut", { count: v.ids.length }),
    failed: t("failed.move"),
  });
  const tag = useOptimistic<{ ids: string[]; add: string[]; remove: string[] }>({
    run: (v) => send(perImage(v.ids, { ...(v.add.length ? { tagsAdd: v.add } : {}), ...(v.remove.length ? { tagsRemove: v.remove } : {}) })),
    ids: (v) => v.ids,
    list: (v) => (img) => ({ ...img, tags: [...new Set([...img.tags.filter((t) => !v.remove.includes(t)), ...v.add])] }),
    detail: (v) => (d) => ({ ...d, tags: [...new Set([...d.tags.filter((t) => !v.remove.includes(t)), ...v.add])] }),
    done: (v) => t("done.tagged", { count: v.ids.length }),
    failed: t("failed.tags"),
  });
  return { favorite, rate, update, trash, restore, purge, move, tag };
}

export type ImageActions = ReturnType<typeof useImageActions>;
