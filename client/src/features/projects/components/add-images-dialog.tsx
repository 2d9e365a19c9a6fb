import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { ImagePickerDialog } from "@/components/image-picker-dialog";
import { addToProject, projectKeys } from "../api";

/** Pick images that are in no project yet and add them. */
export function AddImagesDialog({ projectId }: { projectId: string }) {
  const qc = useQueryClient();
  const add = useMutation({
    mutationFn: (ids: string[]) => addToProject(projectId, ids),
    onSuccess: (r) => {
      toast.success(`Added ${r.affected.length} ${r.affected.length === 1 ? "image" : "images"}`);
      void qc.invalidateQueries({ queryKey: projectKeys.all });
      void qc.invalidateQueries({ queryKey: ["images"] });
    },
    onError: (e) => toast.error(e.message),
  });
  return (
    <ImagePickerDialog
      title="Add images"
      description="Images that are not in a project yet."
      filter="projectId=none"
      empty="Every image is already in a project."
      busy={add.isPending}
      onConfirm={(ids) => add.mutateAsync(ids)}
    />
  );
}
