import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { titledKey } from "@/app/page-title";
import { SearchPage } from "@/features/search/components/search-page";

const flag = z.enum(["true", "false"]).optional().catch(undefined);

export const Route = createFileRoute("/_app/search")({
  head: titledKey("search"),
  validateSearch: z.object({
    q: z.string().max(200).optional().catch(undefined),
    type: z.enum(["all", "images", "projects", "collections", "prompts"]).optional().catch(undefined),
    favorite: flag,
    modelId: z.string().max(200).optional().catch(undefined),
    archived: flag,
  }),
  component: SearchRoute,
});

function SearchRoute() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return <SearchPage search={search} onChange={(patch) => void navigate({ search: (s) => ({ ...s, ...patch }), replace: true })} />;
}
