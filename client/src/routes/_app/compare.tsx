import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { ComparePage } from "@/features/iteration/components/compare-page";
import { titledKey } from "@/app/page-title";

const search = z.object({ a: z.uuid().optional().catch(undefined), b: z.uuid().optional().catch(undefined) });

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
