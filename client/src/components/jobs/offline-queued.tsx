import { CloudOff } from "lucide-react";
import { useTranslation } from "react-i18next";
import { useLive } from "@/lib/use-offline";
import { type OutboxEntry, queuedGenerations } from "@/offline";

/** Generations queued on this device while offline: shown as "queued offline" until the outbox sends them. */
export function OfflineQueuedJobs({ className }: { className?: string }) {
  const { t } = useTranslation("common");
  const queued = useLive(queuedGenerations, [], [] as OutboxEntry[]);
  if (!queued.length) return null;
  return (
    <section aria-label={t("offlineQueued.label")} className={className}>
      <ul className="grid gap-2">
        {queued.map((e) => (
          <li key={e.id} data-testid="offline-queued-job" className="flex items-center gap-3 rounded-xl border border-dashed border-warning/50 bg-warning/10 p-3 text-sm">
            <CloudOff className="size-4 shrink-0 text-warning-strong" aria-hidden="true" />
            <span className="min-w-0 flex-1 truncate">{e.mutation.type === "generation.enqueue" ? e.mutation.request.prompt : e.mutation.type === "batch.enqueue" ? t("offlineQueued.batch", { name: e.mutation.request.name || e.mutation.request.prompts?.[0] || e.mutation.request.template || "CSV" }) : ""}</span>
            <span className="shrink-0 rounded-full bg-warning/20 px-2 py-0.5 text-xs font-medium text-warning-strong">{t("offlineQueued.label")}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
