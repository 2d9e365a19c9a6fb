import { useQuery } from "@tanstack/react-query";
import { call, rpc } from "@/lib/rpc";
import type { DropTargetData } from "./drag-model";

interface Named {
  id: string;
  name: string;
}

/** How many of each the side bar lists: the most recently updated (lists come newest first). */
export const RECENT_TARGETS = 5;

/**
 * The user's recent projects and hand-curated collections, as drop targets. Same query keys as the projects and
 * collections features' lists (["projects", "list", { archived: "false" }] and ["collections", "list"]), so
 * they share one cache entry and a feature's invalidation refreshes the side bar too. Smart collections fill
 * themselves from a filter, so images cannot be dropped on them.
 */
export function useDropTargets(enabled = true) {
  const projects = useQuery({
    queryKey: ["projects", "list", { archived: "false" }],
    queryFn: async ({ signal }): Promise<Named[]> => (await call(rpc.projects.index.$get({ query: { archived: "false" } }, { init: { signal } }))).items,
    staleTime: 30_000,
    enabled,
  });
  const collections = useQuery({
    queryKey: ["collections", "list"],
    queryFn: async ({ signal }): Promise<(Named & { isSmart: boolean })[]> =>
      (await call(rpc.collections.index.$get(undefined, { init: { signal } }))).items,
    staleTime: 30_000,
    enabled,
  });
  const pick = (kind: DropTargetData["kind"], items: Named[] | undefined): DropTargetData[] =>
    (items ?? []).slice(0, RECENT_TARGETS).map((i) => ({ type: "drop-target", kind, id: i.id, name: i.name }));
  return {
    projects: pick("project", projects.data),
    collections: pick("collection", collections.data?.filter((c) => !c.isSmart)),
  };
}
