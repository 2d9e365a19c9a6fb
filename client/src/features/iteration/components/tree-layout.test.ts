import type { LineageNode } from "@image-studio/shared";
import { describe, expect, it } from "vitest";
import { layoutTree, NODE } from "./tree-layout";

const node = (id: string, parentImageId: string | null, depth: number): LineageNode => ({
  id,
  parentImageId,
  depth,
  operation: parentImageId ? "variation" : "text-to-image",
  prompt: "",
  modelId: "local/sketch",
  parameters: {},
  width: 64,
  height: 64,
  thumbnailUrl: null,
  createdAt: new Date(0).toISOString(),
  deleted: false,
});

describe("layoutTree", () => {
  it("puts generations on rows and centres each parent over its children", () => {
    const nodes = [node("r", null, 0), node("a", "r", 1), node("b", "r", 1), node("c", "a", 2), node("d", "a", 2)];
    const { placed, width, height } = layoutTree(nodes, "r");
    const at = Object.fromEntries(placed.map((p) => [p.node.id, p]));
    expect(placed).toHaveLength(5);
    expect(at.c!.y).toBeGreaterThan(at.a!.y);
    expect(at.a!.y).toBeGreaterThan(at.r!.y);
    expect(at.a!.x).toBe((at.c!.x + at.d!.x) / 2);
    expect(at.r!.x).toBe((at.a!.x + at.b!.x) / 2);
    expect(new Set(placed.filter((p) => p.y === at.c!.y).map((p) => p.x)).size).toBe(2);
    expect(width).toBeGreaterThanOrEqual(3 * NODE);
    expect(height).toBeGreaterThanOrEqual(3 * NODE);
  });

  it("ignores nodes whose parent is outside the tree and a root that names a parent", () => {
    const { placed } = layoutTree([node("r", "gone", 0), node("x", "elsewhere", 1), node("a", "r", 1)], "r");
    expect(placed.map((p) => p.node.id).sort()).toEqual(["a", "r"]);
  });
});
