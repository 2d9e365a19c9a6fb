import { createFileRoute } from "@tanstack/react-router";
import { ListOrdered } from "lucide-react";
import { PageHeader } from "@/app/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const Route = createFileRoute("/_app/queue")({
  component: QueuePage,
});

function QueuePage() {
  return (
    <>
      <PageHeader title="Queue" />
      <EmptyState icon={ListOrdered} title="The queue is empty" description="Batch generations and queued jobs show their progress here." />
    </>
  );
}
