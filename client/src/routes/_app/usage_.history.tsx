import { CREDIT_KINDS } from "@image-studio/shared";
import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { titledKey } from "@/app/page-title";
import { HistoryPage } from "@/features/usage/components/history-page";

const day = z.iso.date().optional().catch(undefined);
const search = z.object({ kind: z.enum(CREDIT_KINDS).optional().catch(undefined), from: day, to: day });

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
