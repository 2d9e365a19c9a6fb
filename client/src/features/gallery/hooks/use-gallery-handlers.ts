import type { ImageSummary } from "@image-studio/shared";
import { useMemo, useState } from "react";
import type { TileCallbacks } from "../components/tile-actions";
import type { Selection } from "./use-selection";
import { useImageActions } from "./use-image-actions";

export type GalleryDialog = { kind: "move" } | { kind: "tag" } | { kind: "purge"; ids: string[] } | null;

/** Tile and bulk-bar handlers of a gallery view, wired to the optimistic actions and the dialogs. */
export function useGalleryHandlers(items: ImageSummary[], selection: Selection, setPreview: (index: number) => void) {
  const actions = useImageActions();
  const [dialog, setDialog] = useState<GalleryDialog>(null);
  const cb: TileCallbacks = useMemo(
    () => ({
      onPreview: setPreview,
      onFavorite: (img) => actions.favorite.mutate({ ids: [img.id], favorite: !img.isFavorite }),
      onTrash: (img) => actions.trash.mutate({ ids: [img.id] }),
      onRestore: (img) => actions.restore.mutate({ ids: [img.id] }),
      onPurge: (img) => setDialog({ kind: "purge", ids: [img.id] }),
    }),
    // The mutation objects change identity on every state change; their mutate functions do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [setPreview, actions.favorite.mutate, actions.trash.mutate, actions.restore.mutate],
  );
  const ids = selection.selected;
  const bulk = {
    onMove: () => setDialog({ kind: "move" }),
    onTag: () => setDialog({ kind: "tag" }),
    onFavorite: (favorite: boolean) => actions.favorite.mutate({ ids, favorite }),
    onTrash: () => {
      actions.trash.mutate({ ids });
      selection.clear();
    },
    onRestore: () => {
      actions.restore.mutate({ ids });
      selection.clear();
    },
    onPurge: () => setDialog({ kind: "purge", ids }),
    onClear: selection.clear,
  };
  const selectedTags = () => {
    const set = new Set(ids);
    return [...new Set(items.filter((i) => set.has(i.id)).flatMap((i) => i.tags))].sort();
  };
  return { actions, cb, bulk, dialog, setDialog, selectedTags };
}
