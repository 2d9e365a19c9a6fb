import { createFileRoute } from "@tanstack/react-router";
import { projectListOptions } from "@/features/projects/api";
import { ProjectsPage } from "@/features/projects/projects-page";
import { titledKey } from "@/app/page-title";

export const Route = createFileRoute("/_app/projects")({
  staticData: { i18n: ["projects"] },
  head: titledKey("projects"),
  loader: ({ context }) => context.queryClient.prefetchQuery(projectListOptions({ archived: "false" })),
  component: ProjectsPage,
});
