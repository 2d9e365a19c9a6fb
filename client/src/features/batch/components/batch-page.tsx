import { useQuery } from "@tanstack/react-query";
import { AlertCircle, Layers } from "lucide-react";
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
  useBatchEvents();
  const live = useJobEvents();
  return (
    <>
      <PageHeader
        title={id ? "Batch" : "Batch generation"}
        description={
          id
            ? live
              ? "Progress updates arrive live."
              : "Live updates unavailable: refreshing every few seconds."
            : "Many prompts, a template or a CSV, times seeds and models — checked and priced before anything runs."
        }
      />
      <OfflineQueuedJobs className="mb-6" />
      {id ? <BatchDetail id={id} /> : <ComposeAndList />}
    </>
  );
}

function ComposeAndList() {
  const models = useQuery(modelsQuery);
  const recent = useQuery(batchesQuery());
  const usable = (models.data ?? []).filter((m) => m.isActive && m.available && m.operations.includes("text-to-image"));
  return (
    <div className="grid gap-10">
      {models.isError ? (
        <EmptyState
          icon={AlertCircle}
          title="The model list didn't load"
          description={models.error.message}
          action={<Button onClick={() => void models.refetch()}>Try again</Button>}
        />
      ) : !models.data ? (
        <Skeleton className="h-96" aria-label="Loading the models" />
      ) : !usable.length ? (
        <EmptyState
          icon={AlertCircle}
          title="No image models are turned on"
          description="Ask an administrator to enable a text-to-image model."
        />
      ) : (
        <BatchComposer models={usable} />
      )}
      <section aria-labelledby="recent-batches" className="grid gap-3">
        <h2 id="recent-batches" className="text-base font-semibold">
          Your batches
        </h2>
        {recent.isPending ? (
          <Skeleton className="h-24" />
        ) : recent.isError ? (
          <p className="text-sm text-muted-foreground">Your batches didn't load: {recent.error.message}</p>
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
            title="No batches yet"
            description="Batches you start show their progress here and on the Queue page."
          />
        )}
      </section>
    </div>
  );
}
