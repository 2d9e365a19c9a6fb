import type { BatchPreview } from "@image-studio/shared";
import { AlertTriangle, Layers } from "lucide-react";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDuration } from "@/lib/jobs/eta";
import { cn } from "@/lib/cn";

const n = (x: number) => x.toLocaleString();

/** What the batch will do before it runs: counts, credits, time, problems per row, the first prompts. */
export function BatchPreviewPanel({
  preview,
  loading,
  error,
  empty,
}: {
  preview?: BatchPreview;
  loading: boolean;
  error: Error | null;
  empty: boolean;
}) {
  return (
    <section
      aria-labelledby="batch-preview-heading"
      aria-busy={loading}
      className="grid gap-4 rounded-xl border border-border bg-card p-4 shadow-sm"
    >
      <h2 id="batch-preview-heading" className="flex items-center gap-2 text-base font-semibold">
        <Layers className="size-4 text-primary-strong" aria-hidden="true" />
        Preview
      </h2>
      {empty ? (
        <p className="text-sm text-muted-foreground">
          Add prompts, a template or a CSV to see what the batch will make.
        </p>
      ) : error ? (
        <p role="alert" className="text-sm text-destructive-strong">
          {error.message}
        </p>
      ) : !preview ? (
        <Skeleton className="h-32" />
      ) : (
        <>
          <dl className="grid grid-cols-2 gap-3 text-sm" data-testid="batch-counts">
            <Figure label="Jobs" value={n(preview.total)} warn={preview.total > preview.maxJobs} />
            <Figure label="Images" value={n(preview.images)} />
            <Figure label="Credits to hold" value={n(preview.estimatedCredits)} warn={!preview.affordable} />
            <Figure label="Your balance" value={n(preview.balance)} />
            <Figure label="Estimated time" value={preview.etaSeconds ? formatDuration(preview.etaSeconds) : "—"} />
            <Figure label="Most per batch" value={n(preview.maxJobs)} />
          </dl>
          {!preview.affordable && (
            <p role="alert" className="flex items-start gap-2 text-sm text-destructive-strong">
              <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
              This batch needs {n(preview.estimatedCredits)} credits and you have {n(preview.balance)}.
            </p>
          )}
          {preview.errors.length > 0 && <RowErrors errors={preview.errors} />}
          {preview.items.length > 0 && <FirstItems preview={preview} />}
        </>
      )}
    </section>
  );
}

function Figure({ label, value, warn }: { label: string; value: string; warn?: boolean }) {
  return (
    <div className="rounded-lg bg-muted/60 p-2">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={cn("font-mono text-base font-semibold", warn && "text-destructive-strong")}>{value}</dd>
    </div>
  );
}

function RowErrors({ errors }: { errors: BatchPreview["errors"] }) {
  return (
    <div className="grid gap-2">
      <h3 className="text-sm font-semibold text-destructive-strong">
        {errors.length} {errors.length === 1 ? "problem" : "problems"} to fix before it can run
      </h3>
      <div
        className="max-h-56 overflow-auto rounded-lg border border-destructive/40"
        tabIndex={0}
        role="region"
        aria-label="Problems by row"
      >
        <table className="w-full text-left text-xs">
          <thead className="sticky top-0 bg-card">
            <tr>
              <th scope="col" className="p-2 font-medium">
                Row
              </th>
              <th scope="col" className="p-2 font-medium">
                Column
              </th>
              <th scope="col" className="p-2 font-medium">
                Problem
              </th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={i} className="border-t border-border" data-testid="batch-row-error">
                <td className="p-2 font-mono">{e.row || "—"}</td>
                <td className="p-2 font-mono">{e.column || "—"}</td>
                <td className="p-2">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function FirstItems({ preview }: { preview: BatchPreview }) {
  return (
    <div className="grid gap-2">
      <h3 className="text-sm font-semibold">
        First {preview.items.length} of {n(preview.total)}
      </h3>
      <div
        className="max-h-72 overflow-auto rounded-lg border border-border"
        tabIndex={0}
        role="region"
        aria-label="First jobs of the batch"
      >
        <table className="w-full text-left text-xs">
          <thead className="sticky top-0 bg-card">
            <tr>
              <th scope="col" className="p-2 font-medium">
                #
              </th>
              <th scope="col" className="p-2 font-medium">
                Prompt
              </th>
              <th scope="col" className="p-2 font-medium">
                Seed
              </th>
              <th scope="col" className="p-2 font-medium">
                Model
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.items.map((item) => (
              <tr key={item.index} className="border-t border-border align-top">
                <td className="p-2 font-mono">{item.index + 1}</td>
                <td className="p-2">{item.prompt}</td>
                <td className="p-2 font-mono">{item.seed ?? "random"}</td>
                <td className="p-2 font-mono break-all">{item.modelId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
