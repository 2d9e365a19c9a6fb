import { createFileRoute } from "@tanstack/react-router";
import { projectListOptions } from "@/features/projects/api";
import { ProjectsPage } from "@/features/projects/projects-page";

export const Route = createFileRoute("/_app/projects")({
  loader: ({ context }) => context.queryClient.prefetchQuery(projectListOptions({ archived: "false" })),
  component: ProjectsPage,
});
