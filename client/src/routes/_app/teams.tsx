import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { titledKey } from "@/app/page-title";
import { TeamsPage } from "@/features/teams/components/teams-page";

export const Route = createFileRoute("/_app/teams")({
  staticData: { i18n: ["teams"] },
  validateSearch: z.object({ invite: z.uuid().optional().catch(undefined) }),
  head: titledKey("teams"),
  component: TeamsRoute,
});

function TeamsRoute() {
  return <TeamsPage invite={Route.useSearch().invite} />;
}
