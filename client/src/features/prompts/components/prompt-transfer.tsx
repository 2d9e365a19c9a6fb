import type { Prompt } from "@image-studio/shared";
import { Download, EllipsisVertical, RefreshCw, Upload } from "lucide-react";
import { type ChangeEvent, useRef, useState } from "react";
import { toast } from "sonner";
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

const plural = (n: number) => (n === 1 ? "1 prompt" : `${n} prompts`);

/** Reads a file, validates it and queues the creates; answers what happened (for the toast and the report). */
export async function importFile(file: File, existing: readonly Prompt[]): Promise<ImportResult> {
  const result = parseImport(await file.text(), existing);
  if (!result.error) await importPrompts(result.valid);
  return result;
}

function announce(r: ImportResult) {
  if (r.error) return toast.error("Couldn't import that file", { description: r.error });
  const skipped = r.duplicates ? `${plural(r.duplicates)} already in your library skipped.` : undefined;
  if (r.valid.length) toast.success(`Imported ${plural(r.valid.length)}`, { description: skipped });
  else if (!r.invalid.length) toast.info("Nothing new to import", { description: skipped });
}

/** The "more" menu: import and export as JSON, and sync with the server now. */
export function PromptTransfer({ prompts }: { prompts: readonly Prompt[] }) {
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
    toast.success(`Exported ${plural(prompts.length)}`);
  };
  const onSync = async () => {
    setSyncing(true);
    const error = await refreshPrompts().finally(() => setSyncing(false));
    if (error === "offline") toast.info("You're offline", { description: "Showing the prompts kept on this device." });
    else if (error) toast.error("Couldn't sync", { description: error });
  };

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="icon" aria-label="More prompt actions" loading={syncing}>
            <EllipsisVertical aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => input.current?.click()}>
            <Upload aria-hidden="true" /> Import JSON…
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={onExport} disabled={!prompts.length}>
            <Download aria-hidden="true" /> Export JSON
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => void onSync()}>
            <RefreshCw aria-hidden="true" /> Sync now
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
