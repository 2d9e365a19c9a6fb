import type { QueryClient } from "@tanstack/react-query";
import { call, rpc } from "@/lib/rpc";
import { type DropTargetData, resultMessage } from "./drag-model";

/**
 * Query-key roots of the features a drop changes. Features own their keys (gallery: ["images"], projects:
 * ["projects"], collections: ["collections"]); this neutral module may not import them, so it names the roots.
 */
const AFFECTED_KEYS = [["images"], ["projects"], ["collections"]] as const;

/** Project and collection ids are UUIDs: the routes take them by this pattern. */
const ID = ":id{[0-9a-fA-F-]{36}}";

/** Adds the images to the target with the existing endpoints; answers the toast text. */
export async function dropImages(target: DropTargetData, imageIds: string[]): Promise<string> {
  if (target.kind === "project") {
    const r = await call(rpc.projects[ID].images.add.$post({ param: { id: target.id }, json: { imageIds } }));
    return resultMessage("project", r.project.name, imageIds.length);
  }
  const r = await call(rpc.collections[ID].images.$post({ param: { id: target.id }, json: { imageIds } }));
  return resultMessage("collection", r.name, imageIds.length);
}

export function invalidateAfterDrop(qc: QueryClient) {
  for (const queryKey of AFFECTED_KEYS) void qc.invalidateQueries({ queryKey });
}
