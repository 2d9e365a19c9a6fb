import type { ProjectAccessRole } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { projectOptions } from "@/features/projects/api";
import { ProjectPage } from "@/features/projects/project-page";
import { ShareButton } from "@/features/share/components/share-dialog";
import { projectAccessOptions } from "@/features/teams/api";
import { ProjectTeamShare } from "@/features/teams/components/project-team-share";
import { titleHead, titleText } from "@/app/page-title";

export const Route = createFileRoute("/_app/projects_/$projectId")({
  staticData: { i18n: ["projects", "share", "teams"] },
  loader: async ({ context, params }) => {
    await Promise.all([context.queryClient.prefetchQuery(projectOptions(params.projectId)), context.queryClient.prefetchQuery(projectAccessOptions(params.projectId))]);
    return { title: context.queryClient.getQueryData(projectOptions(params.projectId).queryKey)?.name ?? titleText("project") };
  },
  head: ({ loaderData }) => titleHead(loaderData?.title ?? titleText("project")),
  component: ProjectRoute,
});

function ProjectRoute() {
  const { projectId } = Route.useParams();
  // The caller's role decides the view. Offline there is no server answer: the device's copy of a project a
  // teammate shared carries the role; any other project on the device is the caller's own.
  const access = useQuery(projectAccessOptions(projectId));
  const { data: project } = useQuery(projectOptions(projectId));
  if (access.isPending) return null;
  const role = access.data?.myRole ?? (project as { shared?: { role: ProjectAccessRole } } | undefined)?.shared?.role ?? "owner";
  return (
    <ProjectPage
      projectId={projectId}
      role={role}
      share={(name) => (
        <>
          {role === "owner" && <ShareButton kind="project" targetId={projectId} name={name} />}
          <ProjectTeamShare projectId={projectId} name={name} />
        </>
      )}
    />
  );
}
