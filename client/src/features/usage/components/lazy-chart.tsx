import { lazy, Suspense } from "react";
import { Skeleton } from "@/components/ui/skeleton";
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

const DAY_FORMAT = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" });
const MONTH_FORMAT = new Intl.DateTimeFormat(undefined, { month: "short", year: "2-digit", timeZone: "UTC" });

export const dayPoints = (items: { date: string; images: number; credits: number }[]): ChartPoint[] =>
  items.map((d) => ({
    label: DAY_FORMAT.format(new Date(`${d.date}T00:00:00Z`)),
    images: d.images,
    credits: d.credits,
  }));
export const monthPoints = (items: { month: string; images: number; credits: number }[]): ChartPoint[] =>
  items.map((d) => ({
    label: MONTH_FORMAT.format(new Date(`${d.month}-01T00:00:00Z`)),
    images: d.images,
    credits: d.credits,
  }));
