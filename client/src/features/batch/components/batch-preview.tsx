import type { BatchPreview } from "@image-studio/shared";
import { AlertTriangle, Layers } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDuration } from "@/lib/jobs/eta";
import { cn } from "@/lib/cn";
import { formatNumber } from "@/i18n";

const n = (x: number) => formatNumber(x);

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
  const { t } = useTranslation("batch");
  return (
    <section
      aria-labelledby="batch-preview-heading"
      aria-busy={loading}
      className="grid gap-4 rounded-xl border border-border bg-card p-4 shadow-sm"
    >
      <h2 id="batch-preview-heading" className="flex items-center gap-2 text-base font-semibold">
        <Layers className="size-4 text-primary-strong" aria-hidden="true" />
        {t("preview.title")}
      </h2>
      {empty ? (
        <p className="text-sm text-muted-foreground">
          {t("preview.empty")}
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
            <Figure label={t("preview.jobs")} value={n(preview.total)} warn={preview.total > preview.maxJobs} />
            <Figure label={t("preview.images")} value={n(preview.images)} />
            <Figure label={t("preview.credits")} value={n(preview.estimatedCredits)} warn={!preview.affordable} />
            <Figure label={t("preview.balance")} value={n(preview.balance)} />
            <Figure label={t("preview.eta")} value={preview.etaSeconds ? formatDuration(preview.etaSeconds) : "—"} />
            <Figure label={t("preview.max")} value={n(preview.maxJobs)} />
          </dl>
          {!preview.affordable && (
            <p role="alert" className="flex items-start gap-2 text-sm text-destructive-strong">
              <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
              {t("preview.unaffordable", { needed: n(preview.estimatedCredits), balance: n(preview.balance) })}
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
  const { t } = useTranslation("batch");
  return (
    <div className="grid gap-2">
      <h3 className="text-sm font-semibold text-destructive-strong">
        {t("preview.problems", { count: errors.length })}
      </h3>
      <div
        className="max-h-56 overflow-auto rounded-lg border border-destructive/40"
        tabIndex={0}
        role="region"
        aria-label={t("preview.problemsRegion")}
      >
        <table className="w-full text-left text-xs">
          <thead className="sticky top-0 bg-card">
            <tr>
              <th scope="col" className="p-2 font-medium">
                {t("preview.row")}
              </th>
              <th scope="col" className="p-2 font-medium">
                {t("preview.column")}
              </th>
              <th scope="col" className="p-2 font-medium">
                {t("preview.problem")}
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
  const { t } = useTranslation("batch");
  return (
    <div className="grid gap-2">
      <h3 className="text-sm font-semibold">
        {t("preview.first", { shown: preview.items.length, total: n(preview.total) })}
      </h3>
      <div
        className="max-h-72 overflow-auto rounded-lg border border-border"
        tabIndex={0}
        role="region"
        aria-label={t("preview.firstRegion")}
      >
        <table className="w-full text-left text-xs">
          <thead className="sticky top-0 bg-card">
            <tr>
              <th scope="col" className="p-2 font-medium">
                #
              </th>
              <th scope="col" className="p-2 font-medium">
                {t("preview.prompt")}
              </th>
              <th scope="col" className="p-2 font-medium">
                {t("preview.seed")}
              </th>
              <th scope="col" className="p-2 font-medium">
                {t("preview.model")}
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.items.map((item) => (
              <tr key={item.index} className="border-t border-border align-top">
                <td className="p-2 font-mono">{item.index + 1}</td>
                <td className="p-2">{item.prompt}</td>
                <td className="p-2 font-mono">{item.seed ?? t("preview.random")}</td>
                <td className="p-2 font-mono break-all">{item.modelId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
