import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Check, Minus } from "lucide-react";
import { PageHeader } from "@/app/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { modelsQuery } from "@/lib/models";
import { modelStatusOptions } from "../api/models";
import { costDollars, costLabel, maxSize, OPERATION_LABELS, supportsLora, takesImageInput } from "../lib/model-facts";
import { Rating } from "./rating";
import { StatusBadge } from "./status-badge";

function Yes({ on, what }: { on: boolean; what: string }) {
  return on ? (
    <Check className="mx-auto size-4 text-success-strong" role="img" aria-label={`${what}: yes`} />
  ) : (
    <Minus className="mx-auto size-4 text-muted-foreground" role="img" aria-label={`${what}: no`} />
  );
}

/** /models: every model side by side — what it does, how big, how fast, how good, what it costs. */
export function ModelsPage() {
  const models = useQuery(modelsQuery);
  const status = useQuery(modelStatusOptions);
  const byId = new Map((status.data ?? []).map((s) => [s.modelId, s]));
  return (
    <>
      <PageHeader title="Models" description="Compare the models this install offers: capabilities, size, speed, quality and cost." />
      {models.isPending ? (
        <Skeleton className="h-96 rounded-xl" />
      ) : models.isError ? (
        <EmptyState title="The model list could not be loaded" description={models.error.message} />
      ) : (
        <div className="overflow-x-auto rounded-xl border border-border bg-card" tabIndex={0} role="region" aria-label="Model comparison (scrolls sideways)">
          <table className="w-full min-w-[56rem] text-sm">
            <caption className="sr-only">Model comparison</caption>
            <thead className="bg-muted/50 text-left">
              <tr>
                <th scope="col" className="sticky left-0 z-10 bg-card px-3 py-2 font-medium">Model</th>
                <th scope="col" className="px-3 py-2 font-medium">Status</th>
                <th scope="col" className="px-3 py-2 font-medium">Capabilities</th>
                <th scope="col" className="px-3 py-2 font-medium">Max size</th>
                <th scope="col" className="px-3 py-2 font-medium">Speed</th>
                <th scope="col" className="px-3 py-2 font-medium">Quality</th>
                <th scope="col" className="px-3 py-2 font-medium">Cost per image</th>
                <th scope="col" className="px-3 py-2 text-center font-medium">Negative prompt</th>
                <th scope="col" className="px-3 py-2 text-center font-medium">LoRA</th>
                <th scope="col" className="px-3 py-2 text-center font-medium">Image input</th>
              </tr>
            </thead>
            <tbody>
              {models.data.map((m) => (
                <tr key={m.id} className="border-t border-border align-top">
                  <th scope="row" className="sticky left-0 z-10 bg-card px-3 py-2 text-left font-normal">
                    <Link to="/models/$" params={{ _splat: m.id }} className="rounded-sm font-medium text-primary-strong outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring">
                      {m.displayName}
                    </Link>
                    <div className="font-mono text-xs text-muted-foreground">{m.id}</div>
                  </th>
                  <td className="px-3 py-2">
                    <StatusBadge status={byId.get(m.id)} />
                  </td>
                  <td className="px-3 py-2 text-xs">{m.operations.map((o) => OPERATION_LABELS[o]).join(", ")}</td>
                  <td className="px-3 py-2 font-mono text-xs">{maxSize(m)}</td>
                  <td className="px-3 py-2">
                    <Rating value={m.speed} label="Speed" />
                  </td>
                  <td className="px-3 py-2">
                    <Rating value={m.quality} label="Quality" />
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">
                    {costLabel(m)}
                    {costDollars(m) && <div className="text-muted-foreground">{costDollars(m)}</div>}
                  </td>
                  <td className="px-3 py-2 text-center">
                    <Yes on={m.supportsNegativePrompt} what="Negative prompt" />
                  </td>
                  <td className="px-3 py-2 text-center">
                    <Yes on={supportsLora(m)} what="LoRA" />
                  </td>
                  <td className="px-3 py-2 text-center">
                    <Yes on={takesImageInput(m)} what="Image input" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
