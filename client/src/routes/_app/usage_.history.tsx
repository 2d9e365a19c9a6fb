import { CREDIT_KINDS } from "@image-studio/shared/url-values";
import { createFileRoute } from "@tanstack/react-router";
import { isoDate, oneOf, searchParams } from "@/lib/search-params";
import { titledKey } from "@/app/page-title";
import { HistoryPage } from "@/features/usage/components/history-page";

const search = searchParams({ kind: oneOf(CREDIT_KINDS), from: isoDate, to: isoDate });

export const Route = createFileRoute("/_app/usage_/history")({
  staticData: { i18n: ["usage"] },
  head: titledKey("creditHistory"),
  validateSearch: search,
  component: function CreditHistory() {
    const filter = Route.useSearch();
    const navigate = Route.useNavigate();
    return <HistoryPage filter={filter} onFilter={(f) => void navigate({ search: f, replace: true })} />;
  },
});
