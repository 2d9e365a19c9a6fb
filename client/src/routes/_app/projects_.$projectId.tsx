import { createFileRoute } from "@tanstack/react-router";
import { projectOptions } from "@/features/projects/api";
import { ProjectPage } from "@/features/projects/project-page";

export const Route = createFileRoute("/_app/projects_/$projectId")({
  loader: ({ context, params }) => context.queryClient.prefetchQuery(projectOptions(params.projectId)),
  component: ProjectRoute,
});

function ProjectRoute() {
  const { projectId } = Route.useParams();
  return <ProjectPage projectId={projectId} />;
}
