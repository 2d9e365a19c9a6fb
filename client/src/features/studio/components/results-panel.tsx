import type { Job } from "@image-studio/shared";
import { Radio, Sparkles, Trash2 } from "lucide-react";
import type { ReactNode, Ref } from "react";
import { Button } from "@/components/ui/button";
import { OfflineQueuedJobs } from "@/components/jobs/offline-queued";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/lib/cn";
import { JobCard, type JobActions } from "./job-card";
import { useTranslation } from "react-i18next";

interface ResultsPanelProps extends JobActions {
  jobIds: string[];
  live: boolean;
  eta: (job: Job) => number | null;
  onClear: () => void;
  headerActions?: ReactNode;
  toolbar: ReactNode;
  emptyAction?: ReactNode;
  scrollRef?: Ref<HTMLDivElement>;
  className?: string;
}

/** The right panel: this session's generations, newest first, with the quick-actions toolbar underneath. */
export function ResultsPanel({ jobIds, live, eta, onClear, headerActions, toolbar, emptyAction, scrollRef, className, ...actions }: ResultsPanelProps) {
  const { t } = useTranslation("studio");
  return (
    <section aria-labelledby="results-heading" className={cn("flex min-h-0 min-w-0 flex-1 flex-col", className)}>
      <div className="flex items-center justify-between gap-2 border-b border-border px-4 py-3">
        <div className="flex min-w-0 items-center gap-3">
          <h1 id="results-heading" className="text-lg font-bold tracking-tight">
            {t("results.title")}
          </h1>
          <span
            className={cn("inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs", live ? "bg-success/15 text-success-strong" : "bg-muted text-muted-foreground")}
            title={live ? t("results.liveTitle") : t("results.pollingTitle")}
          >
            <Radio className="size-3" aria-hidden="true" />
            {live ? t("results.live") : t("results.polling")}
          </span>
        </div>
        <div className="flex items-center gap-1">
          {jobIds.length > 0 && (
            <Button type="button" variant="ghost" size="sm" onClick={onClear} aria-label={t("results.clearLabel")}>
              <Trash2 aria-hidden="true" />
              <span className="hidden sm:inline">{t("results.clear")}</span>
            </Button>
          )}
          {headerActions}
        </div>
      </div>
      <div ref={scrollRef} className="relative min-h-0 flex-1 overflow-y-auto p-4">
        <OfflineQueuedJobs className="mx-auto mb-4 max-w-4xl" />
        {jobIds.length ? (
          <div className="mx-auto grid max-w-4xl grid-cols-1 gap-4">
            {jobIds.map((id) => (
              <JobCard key={id} jobId={id} live={live} eta={eta} {...actions} />
            ))}
          </div>
        ) : (
          <EmptyState
            icon={Sparkles}
            className="mt-8"
            title={t("results.emptyTitle")}
            description={t("results.emptyDescription")}
            action={emptyAction}
          />
        )}
      </div>
      <div className="border-t border-border bg-background px-4 py-2">{toolbar}</div>
    </section>
  );
}
