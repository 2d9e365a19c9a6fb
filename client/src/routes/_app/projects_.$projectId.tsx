import { createFileRoute } from "@tanstack/react-router";
import { projectOptions } from "@/features/projects/api";
import { ProjectPage } from "@/features/projects/project-page";
import { titleHead } from "@/app/page-title";

export const Route = createFileRoute("/_app/projects_/$projectId")({
  loader: async ({ context, params }) => {
    await context.queryClient.prefetchQuery(projectOptions(params.projectId));
    return { title: context.queryClient.getQueryData(projectOptions(params.projectId).queryKey)?.name ?? "Project" };
  },
  head: ({ loaderData }) => titleHead(loaderData?.title ?? "Project"),
  component: ProjectRoute,
});

function ProjectRoute() {
  const { projectId } = Route.useParams();
  return <ProjectPage projectId={projectId} />;
}
