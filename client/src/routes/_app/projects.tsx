import { createFileRoute } from "@tanstack/react-router";
import { projectListOptions } from "@/features/projects/api";
import { ProjectsPage } from "@/features/projects/projects-page";
import { titled } from "@/app/page-title";

export const Route = createFileRoute("/_app/projects")({
  head: titled("Projects"),
  loader: ({ context }) => context.queryClient.prefetchQuery(projectListOptions({ archived: "false" })),
  component: ProjectsPage,
});
