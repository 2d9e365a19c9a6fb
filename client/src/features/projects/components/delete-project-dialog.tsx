import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { Trash2 } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { deleteProject, projectKeys } from "../api";

/** Deleting asks what happens to the images: keep them outside any project, or move them to the trash. */
export function DeleteProjectDialog({ projectId, name }: { projectId: string; name: string }) {
  const { t } = useTranslation("projects");
  const [mode, setMode] = useState<"unassign" | "trash">("unassign");
  const qc = useQueryClient();
  const navigate = useNavigate();
  const del = useMutation({
    mutationFn: () => deleteProject(projectId, mode),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: projectKeys.all });
      void qc.invalidateQueries({ queryKey: ["images"] });
      toast.success(t("delete.deleted", { name }));
      void navigate({ to: "/projects" });
    },
    onError: (e) => toast.error(e.message),
  });
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <Trash2 /> {t("delete.trigger")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("delete.title", { name })}</DialogTitle>
          <DialogDescription>{t("delete.description")}</DialogDescription>
        </DialogHeader>
        <RadioGroup value={mode} onValueChange={(v) => setMode(v as typeof mode)} className="space-y-2">
          <div className="flex items-center gap-2">
            <RadioGroupItem value="unassign" id="delete-unassign" />
            <Label htmlFor="delete-unassign">{t("delete.unassign")}</Label>
          </div>
          <div className="flex items-center gap-2">
            <RadioGroupItem value="trash" id="delete-trash" />
            <Label htmlFor="delete-trash">{t("delete.trash")}</Label>
          </div>
        </RadioGroup>
        <DialogFooter>
          <Button variant="destructive" loading={del.isPending} onClick={() => del.mutate()}>
            {t("delete.confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
