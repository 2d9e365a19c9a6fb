import type { Prompt } from "@image-studio/shared";
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
  return (
    <Dialog open={!!prompt} onOpenChange={(open) => !open && onCancel()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Delete this prompt?</DialogTitle>
          <DialogDescription>
            “{prompt?.title}” leaves your library on every device. You can undo for a few seconds afterwards.
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button variant="outline" onClick={onCancel}>
            Cancel
          </Button>
          <Button variant="destructive" onClick={() => prompt && onConfirm(prompt)}>
            Delete prompt
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
