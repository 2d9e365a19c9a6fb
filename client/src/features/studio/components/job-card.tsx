import type { Job } from "@image-studio/shared";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Ban, RotateCcw, Settings2, Shuffle } from "lucide-react";
import { ModelLabel } from "@/components/model/engine-label";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { jobQuery } from "@/lib/jobs/job-api";
import { isActive, jobSize, requestedImages, runSeconds } from "@/lib/jobs/job-state";
import { failureReason } from "@/lib/jobs/failure-reason";
import { cn } from "@/lib/cn";
import { ResultImage } from "./result-image";
import { JobProgress, JobStatusBadge } from "@/components/jobs/job-status";
import { useTranslation } from "react-i18next";
import { formatNumber } from "@/i18n";

export interface JobActions {
  onReuse: (job: Job) => void;
  onVary: (job: Job) => void;
  onCancel: (job: Job) => void;
  onRetry: (job: Job) => void;
  /** A job started from a result's iterate menu (variation, upscale…): the studio follows it. */
  onDerived?: (job: Job) => void;
}

interface JobCardProps extends JobActions {
  jobId: string;
  live: boolean;
  eta: (job: Job) => number | null;
}

/** One generation in the results: skeletons and progress while it runs, then its images and details. */
export function JobCard({ jobId, live, eta, onReuse, onVary, onCancel, onRetry, onDerived }: JobCardProps) {
  const { t } = useTranslation("studio");
  const queryClient = useQueryClient();
  const { data: job, isError, error } = useQuery(jobQuery(queryClient, jobId, { live }));
  if (!job) {
    return (
      <article className="rounded-xl border border-border bg-card p-4" aria-busy={!isError}>
        {isError ? <p className="text-sm text-muted-foreground">{t("job.loadFailed", { message: error.message })}</p> : <Skeleton className="h-40" />}
      </article>
    );
  }
  const size = jobSize(job) ?? { width: 1, height: 1 };
  const count = requestedImages(job);
  const active = isActive(job.status);
  const baseSeed = typeof job.parameters.seed === "number" ? job.parameters.seed : undefined;
  return (
    <article
      aria-labelledby={`job-${job.id}-prompt`}
      aria-busy={active || undefined}
      className="animate-fade-in rounded-xl border border-border bg-card p-4 text-card-foreground shadow-sm transition-shadow duration-300 ease-in-out hover:shadow-md"
    >
      <header className="mb-3 flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p id={`job-${job.id}-prompt`} className="line-clamp-2 text-sm font-medium">
            {job.prompt}
          </p>
          <ModelLabel modelId={job.modelId} className="mt-1 text-xs text-muted-foreground" />
        </div>
        <JobStatusBadge status={job.status} />
      </header>
      {active && <JobProgress job={job} etaSeconds={eta(job)} />}
      <div className={cn("grid gap-2", count > 1 ? "grid-cols-2" : "max-w-lg grid-cols-1", active && "mt-3")}>
        {job.status === "completed"
          ? job.imageIds.map((id, i) => (
              <ResultImage key={id} imageId={id} index={i} count={job.imageIds.length} prompt={job.prompt} modelId={job.modelId} seed={baseSeed === undefined ? undefined : baseSeed + i} onDerived={onDerived} {...size} />
            ))
          : active
            ? Array.from({ length: count }, (_, i) => <Skeleton key={i} className="w-full rounded-lg" style={{ aspectRatio: `${size.width} / ${size.height}` }} />)
            : null}
      </div>
      {job.status === "failed" && <p className="mt-2 text-sm text-destructive-strong">{job.errorMessage ? failureReason(t, job.errorMessage) : t("job.failed")}
          {job.creditsHeld > 0 && (
            <>
              {" "}
              {t("job.refunded")}
            </>
          )}</p>}
      <GenerationInfo job={job} />
      <footer className="mt-3 flex flex-wrap gap-2">
        <Button type="button" variant="outline" size="sm" onClick={() => onReuse(job)}>
          <Settings2 aria-hidden="true" />
          {t("job.useSettings")}
        </Button>
        <Button type="button" variant="outline" size="sm" onClick={() => onVary(job)}>
          <Shuffle aria-hidden="true" />
          {t("job.vary")}
        </Button>
        {active && (
          <Button type="button" variant="ghost" size="sm" onClick={() => onCancel(job)}>
            <Ban aria-hidden="true" />
            {t("job.cancel")}
          </Button>
        )}
        {(job.status === "failed" || job.status === "cancelled") && (
          <Button type="button" variant="ghost" size="sm" onClick={() => onRetry(job)}>
            <RotateCcw aria-hidden="true" />
            {t("job.retry")}
          </Button>
        )}
      </footer>
    </article>
  );
}

/** Model, seed, size, time and cost in monospace. */
export function GenerationInfo({ job }: { job: Job }) {
  const { t } = useTranslation("studio");
  const size = jobSize(job);
  const seconds = runSeconds(job);
  const seed = job.parameters.seed;
  const count = requestedImages(job);
  const credits = job.status === "completed" ? job.creditsCharged : job.creditsHeld;
  const rows: [string, string][] = [
    [t("info.seed"), typeof seed === "number" ? (count > 1 ? `${seed}–${seed + count - 1}` : String(seed)) : "—"],
    [t("info.size"), size ? `${size.width}×${size.height}` : "—"],
    [t("info.time"), seconds !== null ? t("info.seconds", { seconds: formatNumber(seconds, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false }) }) : "—"],
    [t("info.cost"), credits === 0 ? t("info.free") : job.status === "completed" ? t("info.credits", { credits }) : t("info.creditsHeld", { credits })],
  ];
  return (
    <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1.5 text-xs">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt className="text-muted-foreground">{k}</dt>
          <dd className="font-mono">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
