import { createFileRoute } from "@tanstack/react-router";
import { oneOf, searchParams } from "@/lib/search-params";
import { titledKey } from "@/app/page-title";
import { statsQuery } from "@/features/usage/api";
import { UsagePage } from "@/features/usage/components/usage-page";

const search = searchParams({ checkout: oneOf(["success", "cancelled"]) });

export const Route = createFileRoute("/_app/usage")({
  staticData: { i18n: ["usage"] },
  head: titledKey("usage"),
  validateSearch: search,
  loader: ({ context }) => void context.queryClient.prefetchQuery(statsQuery).catch(() => undefined),
  component: function Usage() {
    const { checkout } = Route.useSearch();
    return <UsagePage checkout={checkout} />;
  },
});
