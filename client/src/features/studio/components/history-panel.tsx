import type { Job } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { History, ImageOff } from "lucide-react";
import { LocalEngineBadge, modelName } from "@/components/model/engine-label";
import { Skeleton } from "@/components/ui/skeleton";
import { historyQuery } from "@/lib/jobs/job-api";
import { imageUrls } from "../api/images";
import { JobStatusBadge } from "@/components/jobs/job-status";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/i18n";

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: "short", timeStyle: "short" };

/** Past generations; choosing one restores its settings into the form. */
export function HistoryPanel({ onRestore, headingId = "history-heading" }: { onRestore: (job: Job) => void; headingId?: string }) {
  const { t } = useTranslation("studio");
  const history = useQuery(historyQuery(50));
  return (
    <section aria-labelledby={headingId} className="flex min-h-0 flex-col">
      <h2 id={headingId} className="flex items-center gap-2 px-4 pt-4 pb-2 text-sm font-semibold">
        <History className="size-4 text-muted-foreground" aria-hidden="true" />
        {t("history.title")}
      </h2>
      <p className="px-4 pb-2 text-xs text-muted-foreground">{t("history.hint")}</p>
      <div className="relative min-h-0 flex-1 overflow-y-auto px-2 pb-4">
        {history.isPending ? (
          <div className="grid gap-2 px-2" aria-busy="true">
            <span className="sr-only">{t("history.loading")}</span>
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} className="h-16" />
            ))}
          </div>
        ) : history.isError ? (
          <p className="px-2 text-sm text-muted-foreground">{t("history.unavailable", { message: history.error.message })}</p>
        ) : !history.data.items.length ? (
          <p className="px-2 text-sm text-muted-foreground">{t("history.empty")}</p>
        ) : (
          <ul className="grid gap-1">
            {history.data.items.map((job) => (
              <li key={job.id}>
                <button
                  type="button"
                  onClick={() => onRestore(job)}
                  className="flex w-full cursor-pointer items-start gap-3 rounded-lg p-2 text-left transition-colors duration-200 hover:bg-muted"
                  aria-label={t("history.restore", { prompt: job.prompt.slice(0, 80), model: modelName(job.modelId) })}
                >
                  <span className="grid size-12 shrink-0 place-items-center overflow-hidden rounded-md bg-muted">
                    {job.imageIds[0] ? (
                      <img src={imageUrls(job.imageIds[0]).thumb} alt="" loading="lazy" className="size-full object-cover" />
                    ) : (
                      <ImageOff className="size-4 text-muted-foreground" aria-hidden="true" />
                    )}
                  </span>
                  <span className="grid min-w-0 flex-1 gap-0.5">
                    <span className="line-clamp-2 text-sm">{job.prompt}</span>
                    <span className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
                      {modelName(job.modelId)}
                      {job.status !== "completed" && <JobStatusBadge status={job.status} />}
                    </span>
                    <LocalEngineBadge modelId={job.modelId} className="text-[0.65rem]" />
                    <time className="text-xs text-muted-foreground" dateTime={job.createdAt}>
                      {formatDateTime(job.createdAt, WHEN)}
                    </time>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
