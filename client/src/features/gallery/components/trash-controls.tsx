import { TRASH_RETENTION_CHOICES } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { ApiError } from "@/lib/api";
import { imageKeys, trashSettingsOptions } from "../api/queries";
import { emptyTrash, saveTrashSettings } from "../api/requests";
import { ConfirmDialog } from "./bulk-dialogs";

const OFF = "off";

/** The trash's "empty now" button and its auto-cleanup setting (off unless the user turns it on). */
export function TrashControls() {
  const qc = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const settings = useQuery(trashSettingsOptions());
  const fail = (title: string) => (err: Error) => toast.error(title, { description: err instanceof ApiError ? err.message : "Please try again." });
  const save = useMutation({
    mutationFn: saveTrashSettings,
    onSuccess: (s) => {
      qc.setQueryData(imageKeys.trashSettings(), s);
      toast.success(s.autoDeleteDays ? `Images in the trash are now deleted after ${s.autoDeleteDays} days` : "Automatic cleanup is off");
    },
    onError: fail("Couldn't save the setting"),
  });
  const empty = useMutation({
    mutationFn: emptyTrash,
    onSuccess: (r) => {
      toast.success(r.affected.length ? `Deleted ${r.affected.length} image${r.affected.length === 1 ? "" : "s"} forever` : "The trash was already empty");
      void qc.invalidateQueries({ queryKey: imageKeys.all });
    },
    onError: fail("Couldn't empty the trash"),
  });
  const days = settings.data?.autoDeleteDays;
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-border bg-surface px-4 py-3">
      <div className="flex flex-wrap items-center gap-2">
        <Label htmlFor="trash-retention" className="font-normal">
          Delete automatically
        </Label>
        <Select value={days ? String(days) : OFF} onValueChange={(v) => save.mutate({ autoDeleteDays: v === OFF ? null : Number(v) })} disabled={settings.isPending}>
          <SelectTrigger id="trash-retention" size="sm" className="w-44">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={OFF}>Never (off)</SelectItem>
            {TRASH_RETENTION_CHOICES.map((d) => (
              <SelectItem key={d} value={String(d)}>
                After {d} days
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <Button variant="destructive" size="sm" onClick={() => setConfirm(true)} loading={empty.isPending}>
        <Trash2 aria-hidden="true" /> Empty trash
      </Button>
      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title="Empty the trash?"
        description="Every image in the trash will be deleted for good, with its files. This cannot be undone."
        confirm="Empty trash"
        onConfirm={() => empty.mutate()}
      />
    </div>
  );
}
