import { createFileRoute } from "@tanstack/react-router";
import { LayoutDashboard } from "lucide-react";
import { PageHeader } from "@/app/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { titled } from "@/app/page-title";

export const Route = createFileRoute("/_app/dashboard")({
  head: titled("Dashboard"),
  component: DashboardPage,
});

function DashboardPage() {
  return (
    <>
      <PageHeader title="Dashboard" />
      <EmptyState icon={LayoutDashboard} title="Your overview lives here" description="Recent generations, credits, projects and activity will appear here as soon as you start creating." />
    </>
  );
}
