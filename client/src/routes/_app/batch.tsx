import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { titledKey } from "@/app/page-title";
import { BatchPage } from "@/features/batch/components/batch-page";

const searchSchema = z.object({ id: z.uuid().optional().catch(undefined) });

export const Route = createFileRoute("/_app/batch")({
  staticData: { i18n: ["batch"] },
  head: titledKey("batch"),
  validateSearch: searchSchema,
  component: BatchRoute,
});

function BatchRoute() {
  const { id } = Route.useSearch();
  return <BatchPage id={id} />;
}
