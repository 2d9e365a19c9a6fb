import { useQuery } from "@tanstack/react-query";
import { AlertCircle, Layers } from "lucide-react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "@/app/shell/page-header";
import { BatchCard } from "@/components/jobs/batch-card";
import { OfflineQueuedJobs } from "@/components/jobs/offline-queued";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { batchesQuery } from "@/lib/batch/batch-api";
import { useBatchEvents } from "@/lib/batch/use-batch-events";
import { useJobEvents } from "@/lib/jobs/use-job-events";
import { modelsQuery } from "@/lib/models";
import { BatchComposer } from "./batch-composer";
import { BatchDetail } from "./batch-detail";

/** /batch: compose a batch and see recent ones; /batch?id=… follows one batch live. */
export function BatchPage({ id }: { id?: string }) {
  const { t } = useTranslation("batch");
  useBatchEvents();
  const live = useJobEvents();
  return (
    <>
      <PageHeader
        title={id ? t("page.batch") : t("page.title")}
        description={id ? (live ? t("page.live") : t("page.polling")) : t("page.description")}
      />
      <OfflineQueuedJobs className="mb-6" />
      {id ? <BatchDetail id={id} /> : <ComposeAndList />}
    </>
  );
}

function ComposeAndList() {
  const { t } = useTranslation("batch");
  const models = useQuery(modelsQuery);
  const recent = useQuery(batchesQuery());
  const usable = (models.data ?? []).filter((m) => m.isActive && m.available && m.operations.includes("text-to-image"));
  return (
    <div className="grid gap-10">
      {models.isError ? (
        <EmptyState
          icon={AlertCircle}
          title={t("page.modelsFailed")}
          description={models.error.message}
          action={<Button onClick={() => void models.refetch()}>{t("tryAgain")}</Button>}
        />
      ) : !models.data ? (
        <Skeleton className="h-96" aria-label={t("page.loadingModels")} />
      ) : !usable.length ? (
        <EmptyState
          icon={AlertCircle}
          title={t("page.noModels")}
          description={t("page.noModelsHint")}
        />
      ) : (
        <BatchComposer models={usable} />
      )}
      <section aria-labelledby="recent-batches" className="grid gap-3">
        <h2 id="recent-batches" className="text-base font-semibold">
          {t("page.yours")}
        </h2>
        {recent.isPending ? (
          <Skeleton className="h-24" />
        ) : recent.isError ? (
          <p className="text-sm text-muted-foreground">{t("page.yoursFailed", { message: recent.error.message })}</p>
        ) : recent.data.items.length ? (
          <ul className="grid gap-3 md:grid-cols-2">
            {recent.data.items.map((b) => (
              <li key={b.id}>
                <BatchCard batch={b} />
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState
            icon={Layers}
            title={t("page.none")}
            description={t("page.noneHint")}
          />
        )}
      </section>
    </div>
  );
}
