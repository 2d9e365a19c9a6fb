import type { Prompt } from "@image-studio/shared";
import { Download, EllipsisVertical, RefreshCw, Upload } from "lucide-react";
import { type ChangeEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { i18n } from "@/i18n";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { importPrompts, refreshPrompts } from "../api/prompts-store";
import { downloadText, exportPrompts, type ImportResult, parseImport } from "../lib/transfer";
import { ImportReportDialog } from "./import-report-dialog";

/** Reads a file, validates it and queues the creates; answers what happened (for the toast and the report). */
export async function importFile(file: File, existing: readonly Prompt[]): Promise<ImportResult> {
  const result = parseImport(await file.text(), existing);
  if (!result.error) await importPrompts(result.valid);
  return result;
}

function announce(r: ImportResult) {
  if (r.error) return toast.error(i18n.t("prompts:transfer.importFailed"), { description: r.error });
  const skipped = r.duplicates ? i18n.t("prompts:transfer.skipped", { count: r.duplicates }) : undefined;
  if (r.valid.length) toast.success(i18n.t("prompts:transfer.imported", { count: r.valid.length }), { description: skipped });
  else if (!r.invalid.length) toast.info(i18n.t("prompts:transfer.nothingNew"), { description: skipped });
}

/** The "more" menu: import and export as JSON, and sync with the server now. */
export function PromptTransfer({ prompts }: { prompts: readonly Prompt[] }) {
  const { t } = useTranslation("prompts");
  const input = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<ImportResult | null>(null);
  const [syncing, setSyncing] = useState(false);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    const r = await importFile(file, prompts);
    announce(r);
    if (!r.error && r.invalid.length) setReport(r);
  };
  const onExport = () => {
    downloadText(exportPrompts(prompts), `prompts-${new Date().toISOString().slice(0, 10)}.json`);
    toast.success(t("transfer.exported", { count: prompts.length }));
  };
  const onSync = async () => {
    setSyncing(true);
    const error = await refreshPrompts().finally(() => setSyncing(false));
    if (error === "offline") toast.info(t("transfer.offline"), { description: t("transfer.offlineDescription") });
    else if (error) toast.error(t("transfer.syncFailed"), { description: error });
  };

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="icon" aria-label={t("transfer.more")} loading={syncing}>
            <EllipsisVertical aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => input.current?.click()}>
            <Upload aria-hidden="true" /> {t("transfer.import")}
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={onExport} disabled={!prompts.length}>
            <Download aria-hidden="true" /> {t("transfer.export")}
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => void onSync()}>
            <RefreshCw aria-hidden="true" /> {t("transfer.sync")}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="prompt-import-input"
        onChange={(e) => void onFile(e)}
      />
      <ImportReportDialog result={report} onClose={() => setReport(null)} />
    </>
  );
}
