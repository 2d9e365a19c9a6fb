import { createFileRoute } from "@tanstack/react-router";
import { QueuePage } from "@/features/queue/components/queue-page";
import { titledKey } from "@/app/page-title";

export const Route = createFileRoute("/_app/queue")({
  staticData: { i18n: ["queue"] },
  head: titledKey("queue"),
  component: QueuePage,
});
