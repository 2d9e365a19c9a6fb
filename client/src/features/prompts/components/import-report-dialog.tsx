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
  const added = result?.valid.length ?? 0;
  return (
    <Dialog open={!!result} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Import finished with problems</DialogTitle>
          <DialogDescription>
            {added === 1 ? "1 prompt was added" : `${added} prompts were added`}
            {result?.duplicates
              ? `, ${result.duplicates} already in your library ${result.duplicates === 1 ? "was" : "were"} skipped`
              : ""}
            . These entries were not imported:
          </DialogDescription>
        </DialogHeader>
        <ul className="grid max-h-72 gap-2 overflow-y-auto text-sm" aria-label="Entries not imported">
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
          <Button onClick={onClose}>OK</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
