import { createFileRoute } from "@tanstack/react-router";
import { searchParams, uuid } from "@/lib/search-params";
import { titledKey } from "@/app/page-title";
import { BatchPage } from "@/features/batch/components/batch-page";

const searchSchema = searchParams({ id: uuid });

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
