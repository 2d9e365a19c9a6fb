import { createFileRoute } from "@tanstack/react-router";
import { QueuePage } from "@/features/queue/components/queue-page";
import { titled } from "@/app/page-title";

export const Route = createFileRoute("/_app/queue")({
  head: titled("Queue"),
  component: QueuePage,
});
