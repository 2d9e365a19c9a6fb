import type { Prompt } from "@image-studio/shared";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";

interface DeletePromptDialogProps {
  prompt: Prompt | null;
  onCancel: () => void;
  onConfirm: (prompt: Prompt) => void;
}

export function DeletePromptDialog({ prompt, onCancel, onConfirm }: DeletePromptDialogProps) {
  const { t } = useTranslation("prompts");
  return (
    <Dialog open={!!prompt} onOpenChange={(open) => !open && onCancel()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("delete.title")}</DialogTitle>
          <DialogDescription>
            {t("delete.description", { title: prompt?.title ?? "" })}
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button variant="outline" onClick={onCancel}>
            {t("delete.cancel")}
          </Button>
          <Button variant="destructive" onClick={() => prompt && onConfirm(prompt)}>
            {t("delete.confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
