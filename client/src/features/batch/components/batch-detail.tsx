import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { AlertCircle, ArrowLeft, Images } from "lucide-react";
import { useTranslation } from "react-i18next";
import { BatchCard } from "@/components/jobs/batch-card";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { batchJobsQuery, batchQuery, FINISHED } from "@/lib/batch/batch-api";
import { formatNumber } from "@/i18n";
import { formatDuration } from "@/lib/jobs/eta";
import { failureReason } from "@/lib/jobs/failure-reason";

/** The card's title is the page's second level (a tag name, not text). */
const CARD_HEADING = "h2" as const;

const STATUS_LABEL = {
  pending: "status.pending",
  processing: "status.processing",
  completed: "status.completed",
  failed: "status.failed",
  cancelled: "status.cancelled",
} as const;

/** One batch followed live: its card (progress, ETA, actions) and every job with its own estimate. */
export function BatchDetail({ id }: { id: string }) {
  const { t } = useTranslation("batch");
  const batch = useQuery({
    ...batchQuery(id),
    refetchInterval: (q) => (q.state.data && !FINISHED.has(q.state.data.status) ? 5_000 : false),
  });
  const jobs = useQuery({
    ...batchJobsQuery(id),
    refetchInterval: () => (batch.data && !FINISHED.has(batch.data.status) ? 5_000 : false),
  });
  if (batch.isError) {
    return (
      <EmptyState
        icon={AlertCircle}
        title={t("detail.loadFailed")}
        description={batch.error.message}
        action={<Button onClick={() => void batch.refetch()}>{t("tryAgain")}</Button>}
      />
    );
  }
  if (!batch.data) return <Skeleton className="h-40" aria-label={t("detail.loading")} />;
  const b = batch.data;
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap gap-2">
        <Button asChild variant="ghost" size="sm">
          <Link to="/batch">
            <ArrowLeft aria-hidden="true" />
            {t("detail.all")}
          </Link>
        </Button>
        {b.imageIds.length > 0 && (
          <Button asChild variant="outline" size="sm">
            <Link to="/gallery" search={{ batchId: b.id }}>
              <Images aria-hidden="true" />
              {t("detail.openImages", { count: b.imageIds.length })}
            </Link>
          </Button>
        )}
      </div>
      <BatchCard batch={b} heading={CARD_HEADING} />
      <section aria-labelledby="batch-jobs-heading" className="grid gap-3">
        <h2 id="batch-jobs-heading" className="text-base font-semibold">
          {t("detail.jobs")}
        </h2>
        {!jobs.data ? (
          <Skeleton className="h-32" />
        ) : (
          <ol className="grid gap-2">
            {jobs.data.map((j) => (
              <li key={j.id} className="flex items-center gap-3 rounded-xl border border-border bg-card p-3 text-sm">
                <span className="grid size-12 shrink-0 place-items-center overflow-hidden rounded-lg bg-muted font-mono text-xs text-muted-foreground">
                  {j.imageIds[0] ? (
                    <img
                      src={`/api/images/${j.imageIds[0]}/file/thumb-256`}
                      alt=""
                      loading="lazy"
                      className="size-full object-cover"
                    />
                  ) : (
                    j.index + 1
                  )}
                </span>
                <div className="grid min-w-0 flex-1 gap-0.5">
                  <p className="truncate">{j.prompt}</p>
                  <p className="flex flex-wrap gap-x-3 font-mono text-xs text-muted-foreground">
                    <span>{t("detail.seed", { seed: j.seed ?? t("preview.random") })}</span>
                    <span>{j.modelId}</span>
                    {j.etaSeconds !== null && <span>{formatDuration(j.etaSeconds)}</span>}
                  </p>
                  {j.errorMessage && j.status === "failed" && (
                    <p className="text-xs text-destructive-strong">{failureReason(t, j.errorMessage)}</p>
                  )}
                </div>
                <span className="shrink-0 text-xs font-medium" data-testid="batch-job-status">
                  {j.status === "processing"
                    ? t("status.processingPercent", { percent: formatNumber(j.progress, { style: "percent", maximumFractionDigits: 0 }) })
                    : t(STATUS_LABEL[j.status])}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
