import type { ProjectAccess } from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api";

/** Who can see a project (its owner and its teams' members): the people a comment can @mention. Empty when unknown. */
export const projectPeopleOptions = (projectId: string | null | undefined) =>
  queryOptions({
    queryKey: ["teams", "project", projectId ?? "none"] as const,
    enabled: !!projectId,
    queryFn: ({ signal }) => api<ProjectAccess>(`/api/teams/projects/${projectId}`, { signal }).catch(() => null),
    staleTime: 60_000,
  });
