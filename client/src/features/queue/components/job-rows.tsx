import type { Job } from "@image-studio/shared";
import { Ban, ImageOff, RotateCcw } from "lucide-react";
import { useTranslation } from "react-i18next";
import { JobProgress, JobStatusBadge } from "@/components/jobs/job-status";
import { ModelLabel } from "@/components/model/engine-label";
import { Button } from "@/components/ui/button";
import { formatDateTime, formatNumber } from "@/i18n";
import { runSeconds } from "@/lib/jobs/job-state";
import { failureReason } from "@/lib/jobs/failure-reason";

interface ActiveJobRowProps {
  job: Job;
  now: number;
  etaSeconds: number | null;
  onCancel: () => void;
  cancelling: boolean;
}

export function ActiveJobRow({ job, now, etaSeconds, onCancel, cancelling }: ActiveJobRowProps) {
  const { t } = useTranslation("queue");
  const doneBy = etaSeconds !== null ? formatDateTime(now + etaSeconds * 1000, { timeStyle: "short" }) : null;
  return (
    <article
      aria-labelledby={`q-${job.id}`}
      aria-busy="true"
      className="rounded-xl border border-border bg-card p-4 shadow-sm transition-shadow duration-300 ease-in-out hover:shadow-md"
    >
      <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p id={`q-${job.id}`} className="line-clamp-2 text-sm font-medium">
            {job.prompt}
          </p>
          <ModelLabel modelId={job.modelId} className="mt-1 text-xs text-muted-foreground" />
        </div>
        <div className="flex shrink-0 items-center gap-2">
          <JobStatusBadge status={job.status} />
          <Button type="button" variant="outline" size="sm" onClick={onCancel} loading={cancelling} aria-label={t("job.cancelLabel", { prompt: job.prompt.slice(0, 60) })}>
            <Ban aria-hidden="true" />
            {t("job.cancel")}
          </Button>
        </div>
      </div>
      <JobProgress job={job} etaSeconds={etaSeconds} />
      {doneBy && <p className="mt-1.5 text-xs text-muted-foreground">{t("job.eta", { time: doneBy })}</p>}
    </article>
  );
}

export function FinishedJobRow({ job, onRetry, retrying }: { job: Job; onRetry: () => void; retrying: boolean }) {
  const { t } = useTranslation("queue");
  const seconds = runSeconds(job);
  const thumb = job.imageIds[0];
  return (
    <article aria-labelledby={`h-${job.id}`} className="flex items-start gap-3 rounded-xl border border-border bg-card p-3 transition-shadow duration-300 ease-in-out hover:shadow-md">
      <span className="grid size-14 shrink-0 place-items-center overflow-hidden rounded-lg bg-muted">
        {thumb ? <img src={`/api/images/${thumb}/file/thumb-256`} alt="" loading="lazy" className="size-full object-cover" /> : <ImageOff className="size-5 text-muted-foreground" aria-hidden="true" />}
      </span>
      <div className="grid min-w-0 flex-1 gap-1">
        <p id={`h-${job.id}`} className="line-clamp-2 text-sm">
          {job.prompt}
        </p>
        <ModelLabel modelId={job.modelId} className="text-xs text-muted-foreground" />
        <p className="flex flex-wrap gap-x-3 font-mono text-xs text-muted-foreground">
          <time dateTime={job.createdAt}>{formatDateTime(job.createdAt)}</time>
          {seconds !== null && <span>{t("job.seconds", { seconds: formatNumber(seconds, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}</span>}
          {job.status === "completed" && <span>{t("job.images", { count: job.imageIds.length })}</span>}
          <span>{t("job.credits", { credits: formatNumber(job.creditsCharged || 0) })}</span>
        </p>
        {job.status === "failed" && job.errorMessage && <p className="text-xs text-destructive-strong">{failureReason(t, job.errorMessage)}</p>}
      </div>
      <div className="flex shrink-0 flex-col items-end gap-2">
        <JobStatusBadge status={job.status} />
        {(job.status === "failed" || job.status === "cancelled") && (
          <Button type="button" variant="outline" size="sm" onClick={onRetry} loading={retrying} aria-label={t("job.retryLabel", { prompt: job.prompt.slice(0, 60) })}>
            <RotateCcw aria-hidden="true" />
            {t("job.retry")}
          </Button>
        )}
      </div>
    </article>
  );
}
