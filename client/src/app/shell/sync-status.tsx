import type { SyncMutationType } from "@image-studio/shared";
import { AlertTriangle, CloudOff, RefreshCw, X } from "@/components/ui/icons";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { formatDateTime, i18n } from "@/i18n";
import { cn } from "@/lib/cn";
import { useSyncStatus } from "@/lib/use-offline";
import { dismissFailed, syncNow } from "@/offline";

const LABELS = {
  "image.update": "sync.changes.imageUpdate",
  "image.trash": "sync.changes.imageTrash",
  "image.restore": "sync.changes.imageRestore",
  "image.move": "sync.changes.imageMove",
  "project.create": "sync.changes.projectCreate",
  "project.update": "sync.changes.projectUpdate",
  "collection.create": "sync.changes.collectionCreate",
  "collection.update": "sync.changes.collectionUpdate",
  "collection.delete": "sync.changes.collectionDelete",
  "collection.addImages": "sync.changes.collectionAddImages",
  "collection.removeImage": "sync.changes.collectionRemoveImage",
  "collection.reorder": "sync.changes.collectionReorder",
  "prompt.create": "sync.changes.promptCreate",
  "prompt.update": "sync.changes.promptUpdate",
  "prompt.delete": "sync.changes.promptDelete",
  "generation.enqueue": "sync.changes.generationEnqueue",
  "batch.enqueue": "sync.changes.batchEnqueue",
} as const satisfies Record<SyncMutationType, string>;

function ago(ts: number | null): string {
  if (!ts) return i18n.t("shell:sync.never");
  const s = Math.round((Date.now() - ts) / 1000);
  if (s < 60) return i18n.t("shell:sync.justNow");
  if (s < 3600) return i18n.t("shell:sync.minutesAgo", { count: Math.round(s / 60) });
  return formatDateTime(ts);
}

/** Top-bar indicator: online/offline, changes waiting, last sync and refused changes (with their reasons). */
export function SyncStatusButton() {
  const { t } = useTranslation("shell");
  const s = useSyncStatus();
  const failed = s.failed.length;
  const label = !s.online
    ? t("sync.offline")
    : failed
      ? t("sync.notSynced", { count: failed })
      : s.pending
        ? t("sync.toSync", { count: s.pending })
        : s.running
          ? t("sync.syncing")
          : t("sync.synced");
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={t("sync.statusLabel", { label })} data-testid="sync-status" data-online={s.online} data-pending={s.pending}>
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
          <p className="font-medium">{s.online ? t("sync.online") : t("sync.offlineKept")}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-muted-foreground">
            <dt>{t("sync.waiting")}</dt>
            <dd className="text-foreground">{s.pending}</dd>
            <dt>{t("sync.lastSynced")}</dt>
            <dd className="text-foreground">{ago(s.lastSyncedAt)}</dd>
            {s.lastError && s.lastError !== "offline" && (
              <>
                <dt>{t("sync.lastProblem")}</dt>
                <dd className="text-foreground">{s.lastError}</dd>
              </>
            )}
          </dl>
          {failed > 0 && (
            <section aria-label={t("sync.refused")} className="grid gap-2">
              <h3 className="font-medium text-destructive-strong">{t("sync.notSaved")}</h3>
              <ul className="grid max-h-60 gap-2 overflow-auto">
                {s.failed.map((f) => (
                  <li key={f.id} className="flex items-start gap-2 rounded-lg border border-border p-2">
                    <span className="min-w-0 flex-1">
                      <span className="block font-medium">{f.mutation.type in LABELS ? t(LABELS[f.mutation.type]) : f.mutation.type}</span>
                      <span className="block text-xs text-muted-foreground">{f.error?.message}</span>
                    </span>
                    <Button variant="ghost" size="icon" className="size-7" aria-label={t("sync.dismiss")} onClick={() => void dismissFailed(f.id)}>
                      <X className="size-4" aria-hidden="true" />
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <Button size="sm" variant="outline" disabled={!s.online || s.running} onClick={() => void syncNow()}>
            <RefreshCw aria-hidden="true" /> {t("sync.now")}
          </Button>
        </div>
      </PopoverContent>
    </Popover>
  );
}
