import { type Lineage, LINEAGE_MAX_DEPTH, LINEAGE_MAX_NODES } from "@image-studio/shared";
import type { Ctx } from "../../context";
import * as repo from "./iteration.repo";
import { notFound } from "../../lib/errors";

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

/** The whole tree the image belongs to: its ancestors up to the root, and every descendant of that root. */
export async function lineage(ctx: Ctx, id: string): Promise<Lineage> {
  // Any media type: a video sits in the tree between its source image and the frames saved from it.
  if (!(await repo.getSource(ctx.db, ctx.user.id, id))) throw notFound("image");
  const maxDepth = LINEAGE_MAX_DEPTH;
  const maxNodes = LINEAGE_MAX_NODES;
  const ups = await repo.ancestorsOf(ctx.db, ctx.user.id, id);
  const rootId = ups.at(-1)?.id ?? id;
  const rows = await repo.treeOf(ctx.db, ctx.user.id, rootId);
  const nodes = rows.slice(0, maxNodes).map((r) => ({
    id: r.id,
    parentImageId: r.parent_image_id,
    operation: r.operation,
    prompt: r.prompt,
    modelId: r.model_id,
    parameters: r.parameters ?? {},
    width: Number(r.width),
    height: Number(r.height),
    thumbnailUrl: r.thumbnail_url,
    createdAt: iso(r.created_at),
    deleted: r.deleted_at !== null,
    depth: Number(r.depth),
  }));
  const truncated = rows.length > maxNodes || ups.length >= maxDepth || nodes.some((n) => n.depth >= maxDepth);
  return { imageId: id, rootId, ancestors: ups.map((u) => u.id).reverse(), nodes, truncated };
}
