import { findModel, type Job } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ListOrdered, Sparkles } from "lucide-react";
import { useMemo } from "react";
import { toast } from "sonner";
import { PageHeader } from "@/app/shell/page-header";
import { Button } from "@/components/ui/button";
import { OfflineQueuedJobs } from "@/components/jobs/offline-queued";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { estimateRemainingSeconds, typicalRunSeconds } from "@/lib/jobs/eta";
import { cancelJob, historyQuery, jobKeys, queueQuery, retryJob, storeJob } from "@/lib/jobs/job-api";
import { isActive } from "@/lib/jobs/job-state";
import { useJobEvents } from "@/lib/jobs/use-job-events";
import { useNow } from "@/lib/jobs/use-now";
import { ActiveJobRow, FinishedJobRow } from "./job-rows";

/** The user's jobs: waiting and running ones with live progress, finished ones below. */
export function QueuePage() {
  const queryClient = useQueryClient();
  const live = useJobEvents();
  const queue = useQuery({
    ...queueQuery(100),
    refetchInterval: (q) => (q.state.data?.items.some((j) => isActive(j.status)) ? (live ? 5_000 : 2_000) : false),
  });
  const history = useQuery(historyQuery(50));
  const active = useMemo(() => (queue.data?.items ?? []).filter((j) => isActive(j.status)).reverse(), [queue.data]);
  const typical = useMemo(() => typicalRunSeconds(history.data?.items ?? []), [history.data]);
  const now = useNow(1000);
  const eta = (job: Job) => estimateRemainingSeconds(job, { typical, speedOf: (id) => findModel(id)?.speed, now });

  const refresh = () => void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
  const cancel = useMutation({
    mutationFn: cancelJob,
    onSuccess: (job) => {
      storeJob(queryClient, job);
      refresh();
      toast.success("Cancelled", { description: job.creditsHeld ? `${job.creditsHeld} held credits were refunded.` : undefined });
    },
    onError: (e) => toast.error(e.message),
  });
  const retry = useMutation({
    mutationFn: retryJob,
    onSuccess: (job) => {
      storeJob(queryClient, job);
      refresh();
      toast.success("Queued again");
    },
    onError: (e) => toast.error(e.message),
  });

  const loading = queue.isPending || history.isPending;
  const finished = history.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Queue"
        description={live ? "Progress updates arrive live." : "Live updates unavailable: refreshing every few seconds."}
        actions={
          <Button asChild size="sm">
            <Link to="/studio">
              <Sparkles aria-hidden="true" />
              New generation
            </Link>
          </Button>
        }
      />
      <OfflineQueuedJobs className="mb-6" />
      {loading ? (
        <div className="grid gap-3" aria-busy="true">
          <span className="sr-only">Loading your jobs…</span>
          <Skeleton className="h-24" />
          <Skeleton className="h-24" />
        </div>
      ) : queue.isError ? (
        <EmptyState icon={ListOrdered} title="The queue didn't load" description={queue.error.message} action={<Button onClick={() => void queue.refetch()}>Try again</Button>} />
      ) : !active.length && !finished.length ? (
        <EmptyState
          icon={ListOrdered}
          title="The queue is empty"
          description="Generations you start or queue from the studio show their progress here."
          action={
            <Button asChild>
              <Link to="/studio">Open the studio</Link>
            </Button>
          }
        />
      ) : (
        <div className="grid gap-8">
          <section aria-labelledby="active-heading">
            <h2 id="active-heading" className="mb-3 text-base font-semibold">
              In progress <span className="font-mono text-sm font-normal text-muted-foreground">({active.length})</span>
            </h2>
            {active.length ? (
              <ul className="grid grid-cols-1 gap-3">
                {active.map((job) => (
                  <li key={job.id}>
                    <ActiveJobRow job={job} now={now} etaSeconds={eta(job)} onCancel={() => cancel.mutate(job.id)} cancelling={cancel.isPending && cancel.variables === job.id} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="rounded-xl border border-dashed border-border p-4 text-sm text-muted-foreground">Nothing is waiting or running.</p>
            )}
          </section>
          <section aria-labelledby="finished-heading">
            <h2 id="finished-heading" className="mb-3 text-base font-semibold">
              History
            </h2>
            {finished.length ? (
              <ul className="grid grid-cols-1 gap-2">
                {finished.map((job) => (
                  <li key={job.id}>
                    <FinishedJobRow job={job} onRetry={() => retry.mutate(job.id)} retrying={retry.isPending && retry.variables === job.id} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted-foreground">No finished jobs yet.</p>
            )}
          </section>
        </div>
      )}
    </>
  );
}
