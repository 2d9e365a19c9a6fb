import { createFileRoute } from "@tanstack/react-router";
import { LayoutGrid } from "lucide-react";
import { PageHeader } from "@/app/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const Route = createFileRoute("/_app/collections")({
  component: CollectionsPage,
});

function CollectionsPage() {
  return (
    <>
      <PageHeader title="Collections" />
      <EmptyState icon={LayoutGrid} title="No collections yet" description="Collect images from anywhere into boards you can order by hand." />
    </>
  );
}
