import { createFileRoute } from "@tanstack/react-router";
import { oneOf, searchParams, text } from "@/lib/search-params";
import { titledKey } from "@/app/page-title";
import { SearchPage } from "@/features/search/components/search-page";

const flag = oneOf(["true", "false"]);

export const Route = createFileRoute("/_app/search")({
  head: titledKey("search"),
  validateSearch: searchParams({
    q: text(200),
    type: oneOf(["all", "images", "projects", "collections", "prompts"]),
    favorite: flag,
    modelId: text(200),
    archived: flag,
  }),
  component: SearchRoute,
});

function SearchRoute() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return <SearchPage search={search} onChange={(patch) => void navigate({ search: (s) => ({ ...s, ...patch }), replace: true })} />;
}
