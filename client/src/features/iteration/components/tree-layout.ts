import type { LineageNode } from "@image-studio/shared";

export interface Placed {
  node: LineageNode;
  x: number;
  y: number;
}

export const NODE = 96;
const GAP_X = 32;
const GAP_Y = 56;

/** A tidy top-down layout: leaves side by side, each parent centred over its children. */
export function layoutTree(nodes: LineageNode[], rootId: string): { placed: Placed[]; width: number; height: number } {
  const children = new Map<string, LineageNode[]>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) {
    if (n.parentImageId && byId.has(n.parentImageId) && n.id !== rootId) {
      const list = children.get(n.parentImageId) ?? [];
      list.push(n);
      children.set(n.parentImageId, list);
    }
  }
  const placed: Placed[] = [];
  let nextLeaf = 0;
  let maxDepth = 0;
  const visit = (n: LineageNode, depth: number): number => {
    maxDepth = Math.max(maxDepth, depth);
    const kids = children.get(n.id) ?? [];
    const xs = kids.map((k) => visit(k, depth + 1));
    const x = xs.length ? (xs[0]! + xs.at(-1)!) / 2 : nextLeaf++ * (NODE + GAP_X);
    placed.push({ node: n, x, y: depth * (NODE + GAP_Y) });
    return x;
  };
  const root = byId.get(rootId);
  if (root) visit(root, 0);
  return {
    placed,
    width: Math.max(NODE, nextLeaf * (NODE + GAP_X) - GAP_X),
    height: (maxDepth + 1) * (NODE + GAP_Y) - GAP_Y,
  };
}
