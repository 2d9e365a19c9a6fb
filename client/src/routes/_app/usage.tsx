import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { titledKey } from "@/app/page-title";
import { statsQuery } from "@/features/usage/api";
import { UsagePage } from "@/features/usage/components/usage-page";

const search = z.object({ checkout: z.enum(["success", "cancelled"]).optional().catch(undefined) });

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
