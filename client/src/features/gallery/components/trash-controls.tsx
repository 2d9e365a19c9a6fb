import { TRASH_RETENTION_CHOICES } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation("gallery");
  const qc = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const settings = useQuery(trashSettingsOptions());
  const fail = (title: string) => (err: Error) => toast.error(title, { description: err instanceof ApiError ? err.message : t("errors.tryAgain") });
  const save = useMutation({
    mutationFn: saveTrashSettings,
    onSuccess: (s) => {
      qc.setQueryData(imageKeys.trashSettings(), s);
      toast.success(s.autoDeleteDays ? t("trash.savedDays", { count: s.autoDeleteDays }) : t("trash.savedOff"));
    },
    onError: fail(t("trash.saveFailed")),
  });
  const empty = useMutation({
    mutationFn: emptyTrash,
    onSuccess: (r) => {
      toast.success(r.affected.length ? t("trash.emptied", { count: r.affected.length }) : t("trash.alreadyEmpty"));
      void qc.invalidateQueries({ queryKey: imageKeys.all });
    },
    onError: fail(t("trash.emptyFailed")),
  });
  const days = settings.data?.autoDeleteDays;
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-border bg-surface px-4 py-3">
      <div className="flex flex-wrap items-center gap-2">
        <Label htmlFor="trash-retention" className="font-normal">
          {t("trash.auto")}
        </Label>
        <Select value={days ? String(days) : OFF} onValueChange={(v) => save.mutate({ autoDeleteDays: v === OFF ? null : Number(v) })} disabled={settings.isPending}>
          <SelectTrigger id="trash-retention" size="sm" className="w-44">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={OFF}>{t("trash.never")}</SelectItem>
            {TRASH_RETENTION_CHOICES.map((d) => (
              <SelectItem key={d} value={String(d)}>
                {t("trash.after", { count: d })}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <Button variant="destructive" size="sm" onClick={() => setConfirm(true)} loading={empty.isPending}>
        <Trash2 aria-hidden="true" /> {t("trash.empty")}
      </Button>
      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title={t("trash.confirmTitle")}
        description={t("trash.confirmDescription")}
        confirm={t("trash.empty")}
        onConfirm={() => empty.mutate()}
      />
    </div>
  );
}
