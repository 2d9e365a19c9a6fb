import { useTranslation } from "react-i18next";
import type { useGalleryHandlers } from "../hooks/use-gallery-handlers";
import { ConfirmDialog, MoveDialog, TagDialog } from "./bulk-dialogs";

interface Props {
  h: ReturnType<typeof useGalleryHandlers>;
  count: number;
  ids: string[];
  onDone: () => void;
}

/** The move, tag and delete-forever dialogs of a gallery view. */
export function GalleryDialogs({ h, count, ids, onDone }: Props) {
  const { t } = useTranslation("gallery");
  const close = (open: boolean) => !open && h.setDialog(null);
  const d = h.dialog;
  return (
    <>
      <MoveDialog
        open={d?.kind === "move"}
        onOpenChange={close}
        count={count}
        onMove={(projectId, projectName) => {
          h.actions.move.mutate({ ids, projectId, projectName });
          onDone();
        }}
      />
      <TagDialog
        open={d?.kind === "tag"}
        onOpenChange={close}
        count={count}
        existing={d?.kind === "tag" ? h.selectedTags() : []}
        onTag={(add, remove) => h.actions.tag.mutate({ ids, add, remove })}
      />
      <ConfirmDialog
        open={d?.kind === "purge"}
        onOpenChange={close}
        title={d?.kind === "purge" && d.ids.length === 1 ? t("dialogs.purgeOne") : t("dialogs.purgeTitle", { count: d?.kind === "purge" ? d.ids.length : 0 })}
        description={t("dialogs.purgeDescription")}
        confirm={t("dialogs.purge")}
        onConfirm={() => {
          if (d?.kind === "purge") h.actions.purge.mutate({ ids: d.ids });
          onDone();
        }}
      />
    </>
  );
}
