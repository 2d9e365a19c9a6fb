import { imageFileUrl } from "@image-studio/shared";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { X } from "lucide-react";
import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { JobProgress, JobStatusBadge } from "@/components/jobs/job-status";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { jobQuery } from "@/lib/jobs/job-api";
import { isActive } from "@/lib/jobs/job-state";
import { failureReason } from "@/lib/jobs/failure-reason";
import { useJobEvents } from "@/lib/jobs/use-job-events";
import { dismissInplaceJob, type InplaceJob, inplaceJobs, subscribeInplaceJobs } from "../lib/inplace-jobs";

/** The iterations started from `sourceId` in this tab (see lib/inplace-jobs). */
export function useInplaceJobs(sourceId: string) {
  return useSyncExternalStore(subscribeInplaceJobs, () => inplaceJobs(sourceId), () => inplaceJobs(sourceId));
}

/**
 * Progress and results of the iterations started from an image, in place: the studio's progress line and bar
 * (live over the event stream, polling when it is down), then a link to each new image.
 */
export function IterationJobs({ sourceId, tone = "page", className }: { sourceId: string; tone?: "page" | "dark"; className?: string }) {
  const jobs = useInplaceJobs(sourceId);
  if (!jobs.length) return null;
  return <JobList sourceId={sourceId} jobs={jobs} tone={tone} className={className} />;
}

/** The same, docked under the top bar (the image page, the lightbox; toasts stay bottom right): it never moves the layout. */
export function IterationDock({ sourceId, tone = "page" }: { sourceId: string; tone?: "page" | "dark" }) {
  return (
    <IterationJobs
      sourceId={sourceId}
      tone={tone}
      className="fixed top-18 right-4 z-40 max-h-[45dvh] w-[min(22rem,calc(100vw-2rem))] overflow-y-auto overscroll-contain"
    />
  );
}

function JobList({ sourceId, jobs, tone, className }: { sourceId: string; jobs: readonly InplaceJob[]; tone: "page" | "dark"; className?: string }) {
  const { t } = useTranslation("iteration");
  const live = useJobEvents();
  return (
    <section aria-label={t("jobs.label")} className={cn("grid gap-2", className)}>
      <ul className="grid gap-2">
        {jobs.map((j) => (
          <InplaceJobRow key={j.jobId} sourceId={sourceId} item={j} live={live} tone={tone} />
        ))}
      </ul>
    </section>
  );
}

function InplaceJobRow({ sourceId, item, live, tone }: { sourceId: string; item: InplaceJob; live: boolean; tone: "page" | "dark" }) {
  const { t } = useTranslation("iteration");
  const label = t(`kind.${item.kind}`);
  const qc = useQueryClient();
  const { data: job } = useQuery(jobQuery(qc, item.jobId, { live }));
  const active = isActive(job?.status);
  return (
    <li
      data-testid="iteration-job"
      aria-busy={active || undefined}
      className={cn(
        "grid gap-2 rounded-xl border p-3 text-sm transition-shadow duration-200",
        "border-border bg-card text-card-foreground shadow-sm",
        tone === "dark" && "dark bg-card/95 backdrop-blur", // dark tokens over the lightbox's black, in either theme
      )}
    >
      <div className="flex items-center justify-between gap-2">
        <span className="font-medium">{label}</span>
        <span className="flex items-center gap-1">
          {job && <JobStatusBadge status={job.status} />}
          {!active && (
            <Button
              type="button"
              variant="ghost"
              size="icon"
              className="size-8"
              aria-label={t("jobs.dismiss", { label: label.toLowerCase() })}
              onClick={() => dismissInplaceJob(sourceId, item.jobId)}
            >
              <X className="size-4" aria-hidden="true" />
            </Button>
          )}
        </span>
      </div>
      {job && active && <JobProgress job={job} etaSeconds={null} />}
      {job?.status === "failed" && (
        <p className="text-destructive-strong">
          {job.creditsHeld > 0
            ? t("jobs.refunded", { message: job.errorMessage ? failureReason(t, job.errorMessage) : t("jobs.failed") })
            : job.errorMessage ? failureReason(t, job.errorMessage) : t("jobs.failed")}
        </p>
      )}
      {job?.status === "completed" && job.imageIds.length > 0 && (
        <ul className="flex flex-wrap gap-2">
          {job.imageIds.map((id, i) => (
            <li key={id}>
              <Link
                to="/images/$imageId"
                params={{ imageId: id }}
                className="block overflow-hidden rounded-lg border border-border focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                aria-label={t("jobs.openNew", { n: i + 1, total: job.imageIds.length, label: label.toLowerCase() })}
              >
                <img src={imageFileUrl(id, "thumb-256")} alt="" width={64} height={64} className="size-16 object-cover" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
