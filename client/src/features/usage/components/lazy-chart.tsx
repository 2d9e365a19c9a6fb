import { lazy, Suspense } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDate } from "@/i18n";
import type { ChartPoint } from "./usage-chart";

const Chart = lazy(() => import("./usage-chart"));

export type { ChartPoint };

/** The usage chart, fetched on first use (recharts is a separate chunk), with a skeleton meanwhile. */
export function LazyUsageChart(props: { data: ChartPoint[]; title: string; height?: number }) {
  return (
    <Suspense fallback={<Skeleton className="w-full rounded-xl" style={{ height: props.height ?? 240 }} />}>
      <Chart {...props} />
    </Suspense>
  );
}

const DAY_FORMAT = { month: "short", day: "numeric", timeZone: "UTC" } as const;
const MONTH_FORMAT = { month: "short", year: "2-digit", timeZone: "UTC" } as const;

export const dayPoints = (items: { date: string; images: number; credits: number }[]): ChartPoint[] =>
  items.map((d) => ({
    label: formatDate(`${d.date}T00:00:00Z`, DAY_FORMAT),
    images: d.images,
    credits: d.credits,
  }));
export const monthPoints = (items: { month: string; images: number; credits: number }[]): ChartPoint[] =>
  items.map((d) => ({
    label: formatDate(`${d.month}-01T00:00:00Z`, MONTH_FORMAT),
    images: d.images,
    credits: d.credits,
  }));
