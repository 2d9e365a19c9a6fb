import type { SyncMutationType } from "@image-studio/shared";
import { AlertTriangle, CloudOff, RefreshCw, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { cn } from "@/lib/cn";
import { useSyncStatus } from "@/lib/use-offline";
import { dismissFailed, syncNow } from "@/offline";

const LABELS: Record<SyncMutationType, string> = {
  "image.update": "Edit image",
  "image.trash": "Move to trash",
  "image.restore": "Restore",
  "image.move": "Move to project",
  "project.create": "New project",
  "project.update": "Edit project",
  "collection.create": "New collection",
  "collection.update": "Edit collection",
  "collection.delete": "Delete collection",
  "collection.addImages": "Add to collection",
  "collection.removeImage": "Remove from collection",
  "collection.reorder": "Reorder collection",
  "prompt.create": "New prompt",
  "prompt.update": "Edit prompt",
  "prompt.delete": "Delete prompt",
  "generation.enqueue": "Generation",
  "batch.enqueue": "Batch",
};

function ago(ts: number | null): string {
  if (!ts) return "never";
  const s = Math.round((Date.now() - ts) / 1000);
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  return new Date(ts).toLocaleString();
}

/** Top-bar indicator: online/offline, changes waiting, last sync and refused changes (with their reasons). */
export function SyncStatusButton() {
  const s = useSyncStatus();
  const failed = s.failed.length;
  const label = !s.online ? "Offline" : failed ? `${failed} not synced` : s.pending ? `${s.pending} to sync` : s.running ? "Syncing" : "Synced";
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Sync status: ${label}`} data-testid="sync-status" data-online={s.online} data-pending={s.pending}>
          {!s.online ? (
            <CloudOff className="size-4 text-warning-strong" aria-hidden="true" />
          ) : failed ? (
            <AlertTriangle className="size-4 text-destructive-strong" aria-hidden="true" />
          ) : (
            <RefreshCw className={cn("size-4 text-muted-foreground", s.running && "animate-spin motion-reduce:animate-none")} aria-hidden="true" />
          )}
          <span className="hidden text-xs lg:inline">{label}</span>
          {s.pending > 0 && <span className="rounded-full bg-primary/15 px-1.5 font-mono text-[11px] lg:hidden">{s.pending}</span>}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-80">
        <div className="grid gap-3 text-sm">
          <p className="font-medium">{s.online ? "Online" : "Offline — changes are kept on this device"}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-muted-foreground">
            <dt>Waiting to sync</dt>
            <dd className="text-foreground">{s.pending}</dd>
            <dt>Last synced</dt>
            <dd className="text-foreground">{ago(s.lastSyncedAt)}</dd>
            {s.lastError && s.lastError !== "offline" && (
              <>
                <dt>Last problem</dt>
                <dd className="text-foreground">{s.lastError}</dd>
              </>
            )}
          </dl>
          {failed > 0 && (
            <section aria-label="Changes the server refused" className="grid gap-2">
              <h3 className="font-medium text-destructive-strong">Not saved</h3>
              <ul className="grid max-h-60 gap-2 overflow-auto">
                {s.failed.map((f) => (
                  <li key={f.id} className="flex items-start gap-2 rounded-lg border border-border p-2">
                    <span className="min-w-0 flex-1">
                      <span className="block font-medium">{LABELS[f.mutation.type] ?? f.mutation.type}</span>
                      <span className="block text-xs text-muted-foreground">{f.error?.message}</span>
                    </span>
                    <Button variant="ghost" size="icon" className="size-7" aria-label="Dismiss" onClick={() => void dismissFailed(f.id)}>
                      <X className="size-4" aria-hidden="true" />
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <Button size="sm" variant="outline" disabled={!s.online || s.running} onClick={() => void syncNow()}>
            <RefreshCw aria-hidden="true" /> Sync now
          </Button>
        </div>
      </PopoverContent>
    </Popover>
  );
}
