import { createFileRoute } from "@tanstack/react-router";
import { searchParams, uuid } from "@/lib/search-params";
import { ComparePage } from "@/features/iteration/components/compare-page";
import { titledKey } from "@/app/page-title";

const search = searchParams({ a: uuid, b: uuid });

export const Route = createFileRoute("/_app/compare")({
  staticData: { i18n: ["iteration"] },
  head: titledKey("compare"),
  validateSearch: search,
  component: CompareRoute,
});

function CompareRoute() {
  const { a, b } = Route.useSearch();
  return <ComparePage a={a} b={b} />;
}
