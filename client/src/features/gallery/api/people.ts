import type { ProjectAccess } from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { call, rpc } from "@/lib/rpc";

/** Who can see a project (its owner and its teams' members): the people a comment can @mention. Empty when unknown. */
export const projectPeopleOptions = (projectId: string | null | undefined) =>
  queryOptions({
    queryKey: ["teams", "project", projectId ?? "none"] as const,
    enabled: !!projectId,
    queryFn: ({ signal }): Promise<ProjectAccess | null> =>
      call(rpc.teams.projects[":id{[0-9a-fA-F-]{36}}"].$get({ param: { id: projectId! } }, { init: { signal } })).catch(() => null),
    staleTime: 60_000,
  });
