import type { BatchStatus, BatchSummary } from "@image-studio/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Ban, Download, Pause, Play, RotateCcw } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { formatDateTime, i18n } from "@/i18n";
import { batchAction, batchKeys, exportUrl, FINISHED } from "@/lib/batch/batch-api";
import { formatDuration } from "@/lib/jobs/eta";
import { jobKeys } from "@/lib/jobs/job-api";
import { sessionKeys } from "@/lib/session";

const STATUS = {
  queued: { label: "batch.status.queued", variant: "warning" },
  scheduled: { label: "batch.status.scheduled", variant: "accent" },
  running: { label: "batch.status.running", variant: "primary" },
  paused: { label: "batch.status.paused", variant: "secondary" },
  completed: { label: "batch.status.completed", variant: "success" },
  failed: { label: "batch.status.failed", variant: "destructive" },
  cancelled: { label: "batch.status.cancelled", variant: "secondary" },
} as const satisfies Record<BatchStatus, { label: string; variant: "primary" | "warning" | "success" | "destructive" | "secondary" | "accent" }>;

export function BatchStatusBadge({ status }: { status: BatchStatus }) {
  const { t } = useTranslation("common");
  return <Badge variant={STATUS[status].variant}>{t(STATUS[status].label)}</Badge>;
}

/** Pause / resume / cancel / retry-failed for one batch, with the cache kept in step. */
export function useBatchActions(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: "pause" | "resume" | "cancel" | "retry-failed") => batchAction(id, action),
    onSuccess: (batch, action) => {
      queryClient.setQueryData(batchKeys.detail(id), batch);
      void queryClient.invalidateQueries({ queryKey: batchKeys.all });
      void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: sessionKeys.me });
      if (action === "cancel" && batch.refunded)
        toast.success(i18n.t("common:batch.toast.cancelled"), {
          description: i18n.t("common:batch.toast.refunded", { credits: batch.refunded.credits, jobs: batch.refunded.jobs }),
        });
      else if (action === "retry-failed") toast.success(i18n.t("common:batch.toast.retrying", { count: batch.retried ?? 0 }));
      else toast.success(action === "pause" ? i18n.t("common:batch.toast.paused") : i18n.t("common:batch.toast.resumed"));
    },
    onError: (e) => toast.error(e.message),
  });
}

/** One batch: name, status, progress, estimate and its actions. */
export function BatchCard({
  batch,
  heading = "h3",
  extra,
}: {
  batch: BatchSummary;
  heading?: "h2" | "h3";
  extra?: ReactNode;
}) {
  const { t } = useTranslation("common");
  const actions = useBatchActions(batch.id);
  const done = batch.completed + batch.failed + batch.cancelled;
  const H = heading;
  const busy = (a: string) => actions.isPending && actions.variables === a;
  const finished = FINISHED.has(batch.status);
  return (
    <article
      aria-labelledby={`b-${batch.id}`}
      data-testid="batch-card"
      className="grid gap-3 rounded-xl border border-border bg-card p-4 shadow-sm transition-shadow duration-300 ease-in-out hover:shadow-md"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <H id={`b-${batch.id}`} className="line-clamp-2 text-sm font-semibold">
            <Link
              to="/batch"
              search={{ id: batch.id }}
              className="rounded-sm hover:underline focus-visible:outline-2 focus-visible:outline-ring"
            >
              {batch.name}
            </Link>
          </H>
          <p className="mt-1 font-mono text-xs text-muted-foreground">
            {t("batch.meta", { count: batch.total, models: batch.modelIds.join(", "), priority: t(`batch.priority.${batch.priority}`) })}
          </p>
        </div>
        <BatchStatusBadge status={batch.status} />
      </div>
      <Progress
        value={batch.total ? (done / batch.total) * 100 : 0}
        tone="brand"
        aria-label={t("batch.progressLabel", { name: batch.name, done, total: batch.total })}
      />
      <p className="flex flex-wrap gap-x-4 gap-y-1 font-mono text-xs text-muted-foreground" aria-live="polite">
        <span data-testid="batch-progress">
          {t("batch.done", { completed: batch.completed, total: batch.total })}
        </span>
        {batch.running > 0 && <span>{t("batch.running", { count: batch.running })}</span>}
        {batch.pending > 0 && <span>{t("batch.waiting", { count: batch.pending })}</span>}
        {batch.failed > 0 && <span className="text-destructive-strong">{t("batch.failed", { count: batch.failed })}</span>}
        {batch.etaSeconds !== null && <span>{t("eta", { duration: formatDuration(batch.etaSeconds) })}</span>}
        {batch.status === "scheduled" && batch.scheduledAt && (
          <span>{t("batch.starts", { date: formatDateTime(batch.scheduledAt) })}</span>
        )}
      </p>
      <div className="flex flex-wrap gap-2">
        {(batch.status === "queued" || batch.status === "running" || batch.status === "scheduled") && (
          <Button
            type="button"
            size="sm"
            variant="outline"
            loading={busy("pause")}
            onClick={() => actions.mutate("pause")}
            aria-label={t("batch.pauseLabel", { name: batch.name })}
          >
            <Pause aria-hidden="true" />
            {t("batch.pause")}
          </Button>
        )}
        {batch.status === "paused" && (
          <Button
            type="button"
            size="sm"
            variant="outline"
            loading={busy("resume")}
            onClick={() => actions.mutate("resume")}
            aria-label={t("batch.resumeLabel", { name: batch.name })}
          >
            <Play aria-hidden="true" />
            {t("batch.resume")}
          </Button>
        )}
        {!finished && (
          <Button
            type="button"
            size="sm"
            variant="outline"
            loading={busy("cancel")}
            onClick={() => actions.mutate("cancel")}
            aria-label={t("batch.cancelLabel", { name: batch.name })}
          >
            <Ban aria-hidden="true" />
            {t("batch.cancel")}
          </Button>
        )}
        {batch.failed > 0 && batch.status !== "cancelled" && (
          <Button
            type="button"
            size="sm"
            variant="outline"
            loading={busy("retry-failed")}
            onClick={() => actions.mutate("retry-failed")}
            aria-label={t("batch.retryLabel", { name: batch.name })}
          >
            <RotateCcw aria-hidden="true" />
            {t("batch.retry")}
          </Button>
        )}
        {batch.completed > 0 && (
          <Button asChild size="sm" variant="outline">
            <a href={exportUrl(batch.id)} download aria-label={t("batch.exportLabel", { name: batch.name })}>
              <Download aria-hidden="true" />
              {t("batch.export")}
            </a>
          </Button>
        )}
        {extra}
      </div>
    </article>
  );
}
