import { createFileRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { titledKey } from "@/app/page-title";
import { DashboardPage } from "@/features/dashboard/components/dashboard-page";
import { dayPoints, LazyUsageChart } from "@/features/usage/components/lazy-chart";

/** The dashboard's usage chart is the usage page's (lazy, recharts in its own chunk); the route joins the two. */
function Chart({ days }: { days: { date: string; images: number; credits: number }[] }) {
  const { t } = useTranslation("shell");
  return <LazyUsageChart title={t("dashboard.chart")} data={dayPoints(days)} height={220} />;
}

export const Route = createFileRoute("/_app/dashboard")({
  staticData: { i18n: ["dashboard", "usage"] },
  head: titledKey("dashboard"),
  component: function Dashboard() {
    return <DashboardPage Chart={Chart} />;
  },
});
