import type { QueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api";
import { type DropTargetData, resultMessage } from "./drag-model";

/**
 * Query-key roots of the features a drop changes. Features own their keys (gallery: ["images"], projects:
 * ["projects"], collections: ["collections"]); this neutral module may not import them, so it names the roots.
 */
const AFFECTED_KEYS = [["images"], ["projects"], ["collections"]] as const;

/** Adds the images to the target with the existing endpoints; answers the toast text. */
export async function dropImages(target: DropTargetData, imageIds: string[]): Promise<string> {
  if (target.kind === "project") {
    const r = await api<{ affected: string[]; project: { name: string } }>(`/api/projects/${target.id}/images/add`, {
      method: "POST",
      body: { imageIds },
    });
    return resultMessage("project", r.project.name, imageIds.length);
  }
  const r = await api<{ name: string }>(`/api/collections/${target.id}/images`, { method: "POST", body: { imageIds } });
  return resultMessage("collection", r.name, imageIds.length);
}

export function invalidateAfterDrop(qc: QueryClient) {
  for (const queryKey of AFFECTED_KEYS) void qc.invalidateQueries({ queryKey });
}
