import type { BatchStatus, BatchSummary } from "@image-studio/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Ban, Download, Pause, Play, RotateCcw } from "lucide-react";
import type { ReactNode } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { batchAction, batchKeys, exportUrl, FINISHED } from "@/lib/batch/batch-api";
import { formatDuration } from "@/lib/jobs/eta";
import { jobKeys } from "@/lib/jobs/job-api";
import { sessionKeys } from "@/lib/session";

const STATUS: Record<
  BatchStatus,
  { label: string; variant: "primary" | "warning" | "success" | "destructive" | "secondary" | "accent" }
> = {
  queued: { label: "Queued", variant: "warning" },
  scheduled: { label: "Scheduled", variant: "accent" },
  running: { label: "Running", variant: "primary" },
  paused: { label: "Paused", variant: "secondary" },
  completed: { label: "Done", variant: "success" },
  failed: { label: "Failed", variant: "destructive" },
  cancelled: { label: "Cancelled", variant: "secondary" },
};

export function BatchStatusBadge({ status }: { status: BatchStatus }) {
  return <Badge variant={STATUS[status].variant}>{STATUS[status].label}</Badge>;
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
        toast.success("Batch cancelled", {
          description: `${batch.refunded.credits} held credits of ${batch.refunded.jobs} jobs not started were refunded.`,
        });
      else if (action === "retry-failed") toast.success(`Retrying ${batch.retried ?? 0} failed jobs`);
      else toast.success(action === "pause" ? "Batch paused: running jobs finish, no new ones start" : "Batch resumed");
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
            {batch.total} jobs · {batch.modelIds.join(", ")} · {batch.priority} priority
          </p>
        </div>
        <BatchStatusBadge status={batch.status} />
      </div>
      <Progress
        value={batch.total ? (done / batch.total) * 100 : 0}
        tone="brand"
        aria-label={`${batch.name}: ${done} of ${batch.total} jobs finished`}
      />
      <p className="flex flex-wrap gap-x-4 gap-y-1 font-mono text-xs text-muted-foreground" aria-live="polite">
        <span data-testid="batch-progress">
          {batch.completed} / {batch.total} done
        </span>
        {batch.running > 0 && <span>{batch.running} running</span>}
        {batch.pending > 0 && <span>{batch.pending} waiting</span>}
        {batch.failed > 0 && <span className="text-destructive-strong">{batch.failed} failed</span>}
        {batch.etaSeconds !== null && <span>{formatDuration(batch.etaSeconds)} left (estimate)</span>}
        {batch.status === "scheduled" && batch.scheduledAt && (
          <span>starts {new Date(batch.scheduledAt).toLocaleString()}</span>
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
            aria-label={`Pause ${batch.name}`}
          >
            <Pause aria-hidden="true" />
            Pause
          </Button>
        )}
        {batch.status === "paused" && (
          <Button
            type="button"
            size="sm"
            variant="outline"
            loading={busy("resume")}
            onClick={() => actions.mutate("resume")}
            aria-label={`Resume ${batch.name}`}
          >
            <Play aria-hidden="true" />
            Resume
          </Button>
        )}
        {!finished && (
          <Button
            type="button"
            size="sm"
            variant="outline"
            loading={busy("cancel")}
            onClick={() => actions.mutate("cancel")}
            aria-label={`Cancel ${batch.name}`}
          >
            <Ban aria-hidden="true" />
            Cancel
          </Button>
        )}
        {batch.failed > 0 && batch.status !== "cancelled" && (
          <Button
            type="button"
            size="sm"
            variant="outline"
            loading={busy("retry-failed")}
            onClick={() => actions.mutate("retry-failed")}
            aria-label={`Retry the failed jobs of ${batch.name}`}
          >
            <RotateCcw aria-hidden="true" />
            Retry failed
          </Button>
        )}
        {batch.completed > 0 && (
          <Button asChild size="sm" variant="outline">
            <a href={exportUrl(batch.id)} download aria-label={`Download ${batch.name} as a ZIP`}>
              <Download aria-hidden="true" />
              Export ZIP
            </a>
          </Button>
        )}
        {extra}
      </div>
    </article>
  );
}
