import type { Job } from "@image-studio/shared";
import { Badge } from "@/components/ui/badge";
import { Progress } from "@/components/ui/progress";
import { formatDuration } from "@/lib/jobs/eta";
import { progressPercent } from "@/lib/jobs/job-state";

const STATUS: Record<Job["status"], { label: string; variant: "primary" | "warning" | "success" | "destructive" | "secondary" }> = {
  pending: { label: "Queued", variant: "warning" },
  processing: { label: "Generating", variant: "primary" },
  completed: { label: "Done", variant: "success" },
  failed: { label: "Failed", variant: "destructive" },
  cancelled: { label: "Cancelled", variant: "secondary" },
};

export function JobStatusBadge({ status }: { status: Job["status"] }) {
  const s = STATUS[status];
  return <Badge variant={s.variant}>{s.label}</Badge>;
}

/** Queue position / progress line and bar for an active job. */
export function JobProgress({ job, etaSeconds }: { job: Job; etaSeconds: number | null }) {
  const pct = progressPercent(job);
  const eta = etaSeconds !== null ? `${formatDuration(etaSeconds)} left (estimate)` : null;
  const waiting = job.status === "pending";
  const position = job.queuePosition;
  const line = waiting
    ? position === undefined
      ? "Waiting in the queue"
      : position === 0
        ? "Next in line"
        : `${position} job${position === 1 ? "" : "s"} ahead of yours`
    : position !== undefined && job.progress === 0
      ? `Waiting at the engine (#${position + 1})`
      : `${pct ?? 0}%`;
  return (
    <div className="grid gap-1.5">
      <div className="flex items-center justify-between gap-2 text-xs text-muted-foreground">
        <span className={waiting ? undefined : "font-mono tabular-nums"}>{line}</span>
        {eta && <span>{eta}</span>}
      </div>
      <Progress
        tone="brand"
        value={waiting ? null : (pct ?? 0)}
        aria-label={waiting ? "Waiting in the queue" : "Generation progress"}
        aria-valuetext={waiting ? line : `${pct ?? 0}%`}
      />
    </div>
  );
}
