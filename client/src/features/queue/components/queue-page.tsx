import { findModel, type Job } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Layers, ListOrdered, Sparkles } from "lucide-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { PageHeader } from "@/app/shell/page-header";
import { Button } from "@/components/ui/button";
import { BatchCard } from "@/components/jobs/batch-card";
import { OfflineQueuedJobs } from "@/components/jobs/offline-queued";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { batchesQuery, FINISHED, lineQuery } from "@/lib/batch/batch-api";
import { useBatchEvents } from "@/lib/batch/use-batch-events";
import { estimateRemainingSeconds, typicalRunSeconds } from "@/lib/jobs/eta";
import { cancelJob, historyQuery, jobKeys, queueQuery, retryJob, storeJob } from "@/lib/jobs/job-api";
import { isActive } from "@/lib/jobs/job-state";
import { useJobEvents } from "@/lib/jobs/use-job-events";
import { useNow } from "@/lib/jobs/use-now";
import { ActiveJobRow, FinishedJobRow } from "./job-rows";
import { lineEntries, WaitingLine } from "./waiting-line";

/**
 * The user's jobs and batches: running ones with live progress, batches with theirs, the waiting line in run
 * order (drag to reorder), finished jobs below. Live in every tab from the event stream.
 */
export function QueuePage() {
  const { t } = useTranslation("queue");
  const queryClient = useQueryClient();
  const live = useJobEvents();
  useBatchEvents();
  const batches = useQuery({
    ...batchesQuery(),
    refetchInterval: (q) =>
      q.state.data?.items.some((b) => !FINISHED.has(b.status)) ? (live ? 10_000 : 3_000) : false,
  });
  const line = useQuery({ ...lineQuery(), refetchInterval: live ? 15_000 : 3_000 });
  const queue = useQuery({
    ...queueQuery(100),
    refetchInterval: (q) => (q.state.data?.items.some((j) => isActive(j.status)) ? (live ? 5_000 : 2_000) : false),
  });
  const history = useQuery(historyQuery(50));
  // Jobs of a batch are shown inside their batch, not one by one.
  const active = useMemo(
    () => (queue.data?.items ?? []).filter((j) => isActive(j.status) && !j.batchId).reverse(),
    [queue.data],
  );
  const entries = useMemo(
    () => lineEntries(line.data ?? [], queue.data?.items ?? [], batches.data?.items ?? [], t),
    [line.data, queue.data, batches.data, t],
  );
  const typical = useMemo(() => typicalRunSeconds(history.data?.items ?? []), [history.data]);
  const now = useNow(1000);
  // Running, waiting and paused batches, and those that finished in the last hour (so one that ends while you
  // watch stays on screen, marked done).
  const activeBatches = useMemo(
    () =>
      (batches.data?.items ?? []).filter(
        (b) => !FINISHED.has(b.status) || (b.finishedAt !== null && now - Date.parse(b.finishedAt) < 3600_000),
      ),
    [batches.data, now],
  );
  const eta = (job: Job) => estimateRemainingSeconds(job, { typical, speedOf: (id) => findModel(id)?.speed, now });

  const refresh = () => void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
  const cancel = useMutation({
    mutationFn: cancelJob,
    onSuccess: (job) => {
      storeJob(queryClient, job);
      refresh();
      toast.success(t("toast.cancelled"), {
        description: job.creditsHeld ? t("toast.refunded", { count: job.creditsHeld }) : undefined,
      });
    },
    onError: (e) => toast.error(e.message),
  });
  const retry = useMutation({
    mutationFn: retryJob,
    onSuccess: (job) => {
      storeJob(queryClient, job);
      refresh();
      toast.success(t("toast.queuedAgain"));
    },
    onError: (e) => toast.error(e.message),
  });

  const loading = queue.isPending || history.isPending;
  const finished = (history.data?.items ?? []).filter((j) => !j.batchId);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={live ? t("live") : t("polling")}
        actions={
          <>
            <Button asChild size="sm" variant="outline">
              <Link to="/batch">
                <Layers aria-hidden="true" />
                {t("newBatch")}
              </Link>
            </Button>
            <Button asChild size="sm">
              <Link to="/studio">
                <Sparkles aria-hidden="true" />
                {t("newGeneration")}
              </Link>
            </Button>
          </>
        }
      />
      <OfflineQueuedJobs className="mb-6" />
      {loading ? (
        <div className="grid gap-3" aria-busy="true">
          <span className="sr-only">{t("loading")}</span>
          <Skeleton className="h-24" />
          <Skeleton className="h-24" />
        </div>
      ) : queue.isError ? (
        <EmptyState
          icon={ListOrdered}
          title={t("error.title")}
          description={queue.error.message}
          action={<Button onClick={() => void queue.refetch()}>{t("error.retry")}</Button>}
        />
      ) : !active.length && !finished.length && !activeBatches.length ? (
        <EmptyState
          icon={ListOrdered}
          title={t("empty.title")}
          description={t("empty.description")}
          action={
            <Button asChild>
              <Link to="/studio">{t("empty.action")}</Link>
            </Button>
          }
        />
      ) : (
        <div className="grid gap-8">
          <section aria-labelledby="active-heading">
            <h2 id="active-heading" className="mb-3 text-base font-semibold">
              {t("sections.inProgress")} <span className="font-mono text-sm font-normal text-muted-foreground">({active.length})</span>
            </h2>
            {active.length ? (
              <ul className="grid grid-cols-1 gap-3">
                {active.map((job) => (
                  <li key={job.id}>
                    <ActiveJobRow
                      job={job}
                      now={now}
                      etaSeconds={eta(job)}
                      onCancel={() => cancel.mutate(job.id)}
                      cancelling={cancel.isPending && cancel.variables === job.id}
                    />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="rounded-xl border border-dashed border-border p-4 text-sm text-muted-foreground">
                {t("sections.nothingActive")}
              </p>
            )}
          </section>
          {activeBatches.length > 0 && (
            <section aria-labelledby="batches-heading">
              <h2 id="batches-heading" className="mb-3 flex items-center gap-2 text-base font-semibold">
                <Layers className="size-4 text-primary-strong" aria-hidden="true" />
                {t("sections.batches")}{" "}
                <span className="font-mono text-sm font-normal text-muted-foreground">({activeBatches.length})</span>
              </h2>
              <ul className="grid grid-cols-1 gap-3 lg:grid-cols-2">
                {activeBatches.map((b) => (
                  <li key={b.id}>
                    <BatchCard batch={b} />
                  </li>
                ))}
              </ul>
            </section>
          )}
          {entries.length > 1 && (
            <section aria-labelledby="line-heading">
              <h2 id="line-heading" className="mb-1 text-base font-semibold">
                {t("sections.upNext")}
              </h2>
              <p className="mb-3 text-sm text-muted-foreground">
                {t("sections.upNextHint")}
              </p>
              <WaitingLine entries={entries} />
            </section>
          )}
          <section aria-labelledby="finished-heading">
            <h2 id="finished-heading" className="mb-3 text-base font-semibold">
              {t("sections.history")}
            </h2>
            {finished.length ? (
              <ul className="grid grid-cols-1 gap-2">
                {finished.map((job) => (
                  <li key={job.id}>
                    <FinishedJobRow
                      job={job}
                      onRetry={() => retry.mutate(job.id)}
                      retrying={retry.isPending && retry.variables === job.id}
                    />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted-foreground">{t("sections.noHistory")}</p>
            )}
          </section>
        </div>
      )}
    </>
  );
}
