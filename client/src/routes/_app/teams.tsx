import { createFileRoute } from "@tanstack/react-router";
import { searchParams, uuid } from "@/lib/search-params";
import { titledKey } from "@/app/page-title";
import { TeamsPage } from "@/features/teams/components/teams-page";

export const Route = createFileRoute("/_app/teams")({
  staticData: { i18n: ["teams"] },
  validateSearch: searchParams({ invite: uuid }),
  head: titledKey("teams"),
  component: TeamsRoute,
});

function TeamsRoute() {
  return <TeamsPage invite={Route.useSearch().invite} />;
}
