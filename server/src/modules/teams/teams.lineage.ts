import type { Lineage } from "@image-studio/shared";
import type { Ctx } from "../../context";
import * as repo from "./teams.repo";

/**
 * A team member's view of an image's family tree: only the nodes that are live images of the shared project. A
 * node whose parent lies outside hangs from its nearest visible ancestor (or becomes the root), so the tree stays
 * one tree and tells nothing of the owner's other images.
 */
export async function lineageInProject(scope: Ctx, projectId: string, tree: Lineage): Promise<Lineage> {
  const visible = await repo.liveInProject(scope.db, scope.user.id, projectId, tree.nodes.map((n) => n.id));
  const parentOf = new Map(tree.nodes.map((n) => [n.id, n.parentImageId]));
  const visibleAncestor = (id: string | null): string | null => {
    const seen = new Set<string>();
    let at = id;
    while (at && !visible.has(at) && !seen.has(at)) {
      seen.add(at);
      at = parentOf.get(at) ?? null;
    }
    return at && visible.has(at) ? at : null;
  };
  const ancestors = tree.ancestors.filter((a) => visible.has(a));
  const rootId = ancestors[0] ?? tree.imageId;
  const nodes = tree.nodes
    .filter((n) => visible.has(n.id))
    .map((n) => ({ ...n, parentImageId: n.id === rootId ? null : visibleAncestor(n.parentImageId) }))
    // A visible branch that no longer reaches the root (its link ran through a hidden image that is not an ancestor) hangs from the root.
    .map((n) => (n.id !== rootId && n.parentImageId === null ? { ...n, parentImageId: rootId } : n));
  const depthOf = (id: string, guard = 0): number => {
    const p = nodes.find((n) => n.id === id)?.parentImageId;
    return p && guard < 64 ? 1 + depthOf(p, guard + 1) : 0;
  };
  return { ...tree, rootId, ancestors, nodes: nodes.map((n) => ({ ...n, depth: depthOf(n.id) })) };
}
