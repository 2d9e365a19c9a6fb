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
import type { ImportResult } from "../lib/transfer";

/** What an import did: how many were added or skipped, and why each refused entry was refused. */
export function ImportReportDialog({ result, onClose }: { result: ImportResult | null; onClose: () => void }) {
  const { t } = useTranslation("prompts");
  const added = t("report.added", { count: result?.valid.length ?? 0 });
  return (
    <Dialog open={!!result} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("report.title")}</DialogTitle>
          <DialogDescription>
            {result?.duplicates
              ? t("report.summarySkipped", { added, skipped: t("report.skipped", { count: result.duplicates }) })
              : t("report.summary", { added })}
          </DialogDescription>
        </DialogHeader>
        <ul className="grid max-h-72 gap-2 overflow-y-auto text-sm" aria-label={t("report.list")}>
          {result?.invalid.map((p) => (
            <li key={p.index} className="rounded-lg border border-border p-2">
              <p className="font-medium">
                #{p.index} · {p.label}
              </p>
              <p className="text-destructive-strong">{p.message}</p>
            </li>
          ))}
        </ul>
        <DialogFooter>
          <Button onClick={onClose}>{t("report.ok")}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
