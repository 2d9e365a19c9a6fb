import { createFileRoute } from "@tanstack/react-router";
import { QueuePage } from "@/features/queue/components/queue-page";

export const Route = createFileRoute("/_app/queue")({
  component: QueuePage,
});
