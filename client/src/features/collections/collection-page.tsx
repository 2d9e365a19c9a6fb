import type { CollectionDetail } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { Sparkles, Trash2 } from "lucide-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { ImageLightbox } from "@/components/lightbox/image-lightbox";
import { ImagePickerDialog } from "@/components/image-picker-dialog";
import { Badge } from "@/components/ui/badge";
import { SaveOfflineButton } from "@/components/offline/save-offline-button";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import {
  addToCollection,
  collectionKeys,
  collectionOptions,
  deleteCollection,
  moveInOrder,
  removeFromCollection,
  reorderCollection,
  updateCollection,
} from "./api";
import { SortableBoard } from "./components/sortable-board";

/** One collection: editable name and description, and its board (reorderable unless smart). */
export function CollectionPage({ collectionId, share }: { collectionId: string; share?: (name: string) => ReactNode }) {
  const { t } = useTranslation("collections");
  const { data: col, error } = useQuery(collectionOptions(collectionId));
  const [preview, setPreview] = useState(-1);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const key = collectionKeys.detail(collectionId);
  const set = (c: CollectionDetail) => qc.setQueryData(key, c);
  const save = useMutation({
    mutationFn: (patch: { name?: string; description?: string }) => updateCollection(collectionId, patch),
    onSuccess: (c) => {
      set(c);
      void qc.invalidateQueries({ queryKey: collectionKeys.list() });
    },
    onError: (e) => toast.error(e.message),
  });
  const move = useMutation({
    mutationFn: ({ imageId, afterImageId }: { imageId: string; afterImageId: string | null }) =>
      reorderCollection(collectionId, imageId, afterImageId),
    onError: (e) => {
      toast.error(e.message);
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  const add = useMutation({
    mutationFn: (ids: string[]) => addToCollection(collectionId, ids),
    onSuccess: (c) => {
      set(c);
      void qc.invalidateQueries({ queryKey: collectionKeys.list() });
    },
    onError: (e) => toast.error(e.message),
  });
  const remove = useMutation({
    mutationFn: (imageId: string) => removeFromCollection(collectionId, imageId),
    onSuccess: set,
    onError: (e) => toast.error(e.message),
  });
  const del = useMutation({
    mutationFn: () => deleteCollection(collectionId),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: collectionKeys.all });
      void navigate({ to: "/collections" });
    },
    onError: (e) => toast.error(e.message),
  });
  if (error) return <p role="alert">{error.message}</p>;
  if (!col) return null;
  const onMove = (imageId: string, to: number) => {
    const { order, afterImageId } = moveInOrder(
      col.images.map((i) => i.id),
      imageId,
      to,
    );
    const byId = new Map(col.images.map((i) => [i.id, i]));
    set({ ...col, images: order.map((id) => byId.get(id)!) });
    move.mutate({ imageId, afterImageId });
  };
  return (
    <div className="space-y-6">
      <header className="space-y-2" key={col.version}>
        <h1 className="sr-only">{col.name}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <Input
            aria-label={t("detail.name")}
            defaultValue={col.name}
            className="min-w-0 basis-full text-xl font-bold sm:flex-1 sm:basis-48"
            onBlur={(e) =>
              e.target.value.trim() && e.target.value !== col.name && save.mutate({ name: e.target.value })
            }
          />
          {col.isSmart && (
            <Badge variant="primary">
              <Sparkles className="size-3" /> {t("smart")}
            </Badge>
          )}
          {!col.isSmart && (
            <ImagePickerDialog
              title={t("detail.addImages")}
              description={t("detail.addImagesDescription")}
              busy={add.isPending}
              onConfirm={(ids) => add.mutateAsync(ids)}
            />
          )}
          {!col.isSmart && <SaveOfflineButton kind="collection" id={collectionId} name={col.name} />}
          {share?.(col.name)}
          <Button variant="outline" size="sm" loading={del.isPending} onClick={() => del.mutate()}>
            <Trash2 /> {t("detail.delete")}
          </Button>
        </div>
        <Textarea
          aria-label={t("detail.description")}
          placeholder={t("detail.descriptionPlaceholder")}
          defaultValue={col.description}
          onBlur={(e) => e.target.value !== col.description && save.mutate({ description: e.target.value })}
        />
        <p className="text-xs text-muted-foreground">
          {col.isSmart ? t("detail.summarySmart", { count: col.images.length }) : t("detail.summaryBoard", { count: col.images.length })}
        </p>
      </header>
      {col.images.length === 0 ? (
        <EmptyState
          title={t("detail.emptyTitle")}
          description={
            col.isSmart ? t("detail.emptySmart") : t("detail.emptyBoard")
          }
          headingLevel={3}
        />
      ) : (
        <SortableBoard
          images={col.images}
          sortable={!col.isSmart}
          onMove={onMove}
          onRemove={col.isSmart ? undefined : (id) => remove.mutate(id)}
          onPreview={setPreview}
        />
      )}
      {preview >= 0 && <ImageLightbox images={col.images} index={preview} onIndexChange={setPreview} onClose={() => setPreview(-1)} />}
    </div>
  );
}
