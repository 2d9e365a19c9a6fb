import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { dailyQuery, monthlyQuery } from "../api";
import { dayPoints, LazyUsageChart, monthPoints } from "./lazy-chart";
import { LoadError, Section } from "./section";

/** Images and credits by day (last 30) or by month (last 12), UTC. */
export function UsageChartsSection() {
  const { t } = useTranslation("usage");
  const [range, setRange] = useState<"daily" | "monthly">("daily");
  const daily = useQuery({ ...dailyQuery(30), enabled: range === "daily" });
  const monthly = useQuery({ ...monthlyQuery(12), enabled: range === "monthly" });
  const q = range === "daily" ? daily : monthly;
  const title = range === "daily" ? t("chart.titleDaily") : t("chart.titleMonthly");
  return (
    <Section
      title={t("chart.sectionTitle")}
      description={t("chart.sectionDescription")}
      busy={q.isPending}
      actions={
        <div role="group" aria-label={t("chart.period")} className="flex gap-1 rounded-lg bg-muted p-1">
          {(["daily", "monthly"] as const).map((r) => (
            <Button
              key={r}
              size="sm"
              variant={range === r ? "default" : "ghost"}
              aria-pressed={range === r}
              onClick={() => setRange(r)}
            >
              {r === "daily" ? t("chart.days30") : t("chart.months12")}
            </Button>
          ))}
        </div>
      }
    >
      {q.isPending ? (
        <Skeleton className="h-60 w-full rounded-xl" />
      ) : q.isError ? (
        <LoadError error={q.error} />
      ) : (
        <LazyUsageChart
          title={title}
          data={range === "daily" ? dayPoints(daily.data?.items ?? []) : monthPoints(monthly.data?.items ?? [])}
        />
      )}
    </Section>
  );
}
