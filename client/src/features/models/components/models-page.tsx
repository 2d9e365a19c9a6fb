import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Check, Minus } from "lucide-react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "@/app/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { modelsQuery } from "@/lib/models";
import { modelStatusOptions } from "../api/models";
import { costDollars, costLabel, maxSize, OPERATION_LABELS, supportsLora, takesImageInput } from "../lib/model-facts";
import { Rating } from "./rating";
import { StatusBadge } from "./status-badge";

function Yes({ on, what }: { on: boolean; what: string }) {
  const { t } = useTranslation("models");
  return on ? (
    <Check className="mx-auto size-4 text-success-strong" role="img" aria-label={t("compare.yes", { what })} />
  ) : (
    <Minus className="mx-auto size-4 text-muted-foreground" role="img" aria-label={t("compare.no", { what })} />
  );
}

/** /models: every model side by side — what it does, how big, how fast, how good, what it costs. */
export function ModelsPage() {
  const { t } = useTranslation("models");
  const models = useQuery(modelsQuery);
  const status = useQuery(modelStatusOptions);
  const byId = new Map((status.data ?? []).map((s) => [s.modelId, s]));
  return (
    <>
      <PageHeader title={t("compare.title")} description={t("compare.description")} />
      {models.isPending ? (
        <Skeleton className="h-96 rounded-xl" />
      ) : models.isError ? (
        <EmptyState title={t("compare.loadFailed")} description={models.error.message} />
      ) : (
        <div className="overflow-x-auto rounded-xl border border-border bg-card" tabIndex={0} role="region" aria-label={t("compare.region")}>
          <table className="w-full min-w-[56rem] text-sm">
            <caption className="sr-only">{t("compare.caption")}</caption>
            <thead className="bg-muted/50 text-left">
              <tr>
                <th scope="col" className="sticky left-0 z-10 bg-card px-3 py-2 font-medium">{t("compare.columns.model")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("compare.columns.status")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("compare.columns.capabilities")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("facts.maxSize")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("facts.speed")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("facts.quality")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("compare.columns.cost")}</th>
                <th scope="col" className="px-3 py-2 text-center font-medium">{t("facts.negativePrompt")}</th>
                <th scope="col" className="px-3 py-2 text-center font-medium">{t("facts.lora")}</th>
                <th scope="col" className="px-3 py-2 text-center font-medium">{t("facts.imageInput")}</th>
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
                  <td className="px-3 py-2 text-xs">{m.operations.map((o) => t(OPERATION_LABELS[o])).join(", ")}</td>
                  <td className="px-3 py-2 font-mono text-xs">{maxSize(m, t)}</td>
                  <td className="px-3 py-2">
                    <Rating value={m.speed} label={t("facts.speed")} />
                  </td>
                  <td className="px-3 py-2">
                    <Rating value={m.quality} label={t("facts.quality")} />
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">
                    {costLabel(m, t)}
                    {costDollars(m, t) && <div className="text-muted-foreground">{costDollars(m, t)}</div>}
                  </td>
                  <td className="px-3 py-2 text-center">
                    <Yes on={m.supportsNegativePrompt} what={t("facts.negativePrompt")} />
                  </td>
                  <td className="px-3 py-2 text-center">
                    <Yes on={supportsLora(m)} what={t("facts.lora")} />
                  </td>
                  <td className="px-3 py-2 text-center">
                    <Yes on={takesImageInput(m)} what={t("facts.imageInput")} />
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
