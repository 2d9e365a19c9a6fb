import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { ImagePickerDialog } from "@/components/image-picker-dialog";
import { addToProject, projectKeys } from "../api";

/** Pick images that are in no project yet and add them. */
export function AddImagesDialog({ projectId }: { projectId: string }) {
  const { t } = useTranslation("projects");
  const qc = useQueryClient();
  const add = useMutation({
    mutationFn: (ids: string[]) => addToProject(projectId, ids),
    onSuccess: (r) => {
      toast.success(t("add.added", { count: r.affected.length }));
      void qc.invalidateQueries({ queryKey: projectKeys.all });
      void qc.invalidateQueries({ queryKey: ["images"] });
    },
    onError: (e) => toast.error(e.message),
  });
  return (
    <ImagePickerDialog
      title={t("add.title")}
      description={t("add.description")}
      filter="projectId=none"
      empty={t("add.empty")}
      busy={add.isPending}
      onConfirm={(ids) => add.mutateAsync(ids)}
    />
  );
}
