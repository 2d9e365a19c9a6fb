import type { Job } from "@image-studio/shared";
import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";
import { Progress } from "@/components/ui/progress";
import { formatDuration } from "@/lib/jobs/eta";
import { progressPercent } from "@/lib/jobs/job-state";

const STATUS = {
  pending: { label: "job.status.pending", variant: "warning" },
  processing: { label: "job.status.processing", variant: "primary" },
  completed: { label: "job.status.completed", variant: "success" },
  failed: { label: "job.status.failed", variant: "destructive" },
  cancelled: { label: "job.status.cancelled", variant: "secondary" },
} as const satisfies Record<Job["status"], { label: string; variant: "primary" | "warning" | "success" | "destructive" | "secondary" }>;

export function JobStatusBadge({ status }: { status: Job["status"] }) {
  const { t } = useTranslation("common");
  const s = STATUS[status];
  return <Badge variant={s.variant}>{t(s.label)}</Badge>;
}

/** Queue position / progress line and bar for an active job. */
export function JobProgress({ job, etaSeconds }: { job: Job; etaSeconds: number | null }) {
  const { t } = useTranslation("common");
  const pct = progressPercent(job);
  const eta = etaSeconds !== null ? t("eta", { duration: formatDuration(etaSeconds) }) : null;
  const waiting = job.status === "pending";
  const position = job.queuePosition;
  const line = waiting
    ? position === undefined
      ? t("job.waiting")
      : position === 0
        ? t("job.next")
        : t("job.ahead", { count: position })
    : position !== undefined && job.progress === 0
      ? t("job.atEngine", { position: position + 1 })
      : t("percent", { value: pct ?? 0 });
  return (
    <div className="grid gap-1.5">
      <div className="flex items-center justify-between gap-2 text-xs text-muted-foreground">
        <span className={waiting ? undefined : "font-mono tabular-nums"}>{line}</span>
        {eta && <span>{eta}</span>}
      </div>
      <Progress
        tone="brand"
        value={waiting ? null : (pct ?? 0)}
        aria-label={waiting ? t("job.waiting") : t("job.progress")}
        aria-valuetext={waiting ? line : t("percent", { value: pct ?? 0 })}
      />
    </div>
  );
}
