import { useQuery } from "@tanstack/react-query";
import { AlertCircle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { defaultsQuery } from "../api/settings";
import { useFillViewport } from "../hooks/use-fill-viewport";
import { modelsQuery } from "../api/models";
import { studioModels } from "../lib/initial";
import type { StudioSearch } from "../lib/prefill";
import { Studio } from "./studio";
import { useTranslation } from "react-i18next";

/** Loads the catalog and the user's defaults, then opens the studio. */
export function StudioPage({ search }: { search: StudioSearch }) {
  const { t } = useTranslation("studio");
  const models = useQuery(modelsQuery);
  const defaults = useQuery({ ...defaultsQuery, retry: false });
  if (models.isError) {
    return (
      <EmptyState
        icon={AlertCircle}
        title={t("load.failed")}
        description={models.error.message}
        action={
          <Button type="button" onClick={() => void models.refetch()}>
            {t("load.retry")}
          </Button>
        }
      />
    );
  }
  const list = models.data ? studioModels(models.data) : [];
  if (!models.data || defaults.isPending) return <StudioSkeleton />;
  if (!list.length) return <EmptyState icon={AlertCircle} title={t("load.noModels")} description={t("load.noModelsHint")} />;
  return <Studio models={list} search={search} defaults={defaults.data} />;
}

function StudioSkeleton() {
  const { t } = useTranslation("studio");
  const { ref: fillRef, style: fillStyle, fill } = useFillViewport<HTMLDivElement>();
  return (
    <div ref={fillRef} style={fillStyle} {...fill} className="-mx-4 -mb-6 first:-mt-6 flex md:-mx-8" aria-busy="true">
      <span className="sr-only">{t("load.loading")}</span>
      <div className="hidden w-[360px] shrink-0 gap-4 border-r border-border p-4 md:grid md:content-start">
        <Skeleton className="h-16" />
        <Skeleton className="h-32" />
        <Skeleton className="h-40" />
        <Skeleton className="h-24" />
      </div>
      <div className="flex-1 p-4">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="mt-4 h-64" />
      </div>
    </div>
  );
}
