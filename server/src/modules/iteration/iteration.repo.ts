import { LINEAGE_MAX_DEPTH, LINEAGE_MAX_NODES } from "@image-studio/shared";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { images } from "../../db/schema";

/** The facts a derivation needs about one of the owner's images (trashed ones included). */
export async function getSource(db: Db, userId: string, id: string) {
  const [row] = await db
    .select({
      id: images.id,
      filePath: images.filePath,
      width: images.width,
      height: images.height,
      prompt: images.prompt,
      negativePrompt: images.negativePrompt,
      modelId: images.modelId,
      parameters: images.parameters,
      projectId: images.projectId,
      mediaType: images.mediaType,
    })
    .from(images)
    .where(and(eq(images.id, id), eq(images.userId, userId)));
  return row;
}

export interface LineageRow {
  id: string;
  parent_image_id: string | null;
  operation: string;
  prompt: string;
  model_id: string;
  parameters: Record<string, unknown>;
  width: number;
  height: number;
  thumbnail_url: string | null;
  created_at: Date | string;
  deleted_at: Date | string | null;
  depth: number;
}


/** Ancestors of an image, nearest first (the image itself excluded), owner-scoped and depth-capped. */
export async function ancestorsOf(db: Db, userId: string, id: string): Promise<{ id: string; depth: number }[]> {
  const res = await db.execute(sql`
    with recursive up(id, parent_image_id, depth) as (
      select i.id, i.parent_image_id, 0 from images i where i.id = ${id} and i.user_id = ${userId}
      union all
      select p.id, p.parent_image_id, up.depth + 1
        from images p join up on p.id = up.parent_image_id
       where p.user_id = ${userId} and up.depth < ${LINEAGE_MAX_DEPTH}
    )
    select id, depth from up where depth > 0 order by depth`);
  return rowsOf<{ id: string; depth: number }>(res).map((r) => ({ id: r.id, depth: Number(r.depth) }));
}

/** The root and all its descendants (owner-scoped, depth-capped, at most LINEAGE_MAX_NODES + 1 rows). */
export async function treeOf(db: Db, userId: string, rootId: string): Promise<LineageRow[]> {
  const res = await db.execute(sql`
    with recursive down(id, depth, path) as (
      select i.id, 0, array[i.id] from images i where i.id = ${rootId} and i.user_id = ${userId}
      union all
      select c.id, down.depth + 1, down.path || c.id
        from images c join down on c.parent_image_id = down.id
       where c.user_id = ${userId} and down.depth < ${LINEAGE_MAX_DEPTH} and not c.id = any(down.path)
    )
    select i.id, i.parent_image_id, i.operation, i.prompt, i.model_id, i.parameters, i.width, i.height,
           i.thumbnail_url, i.created_at, i.deleted_at, d.depth
      from down d join images i on i.id = d.id
     order by d.depth, i.created_at, i.id
     limit ${LINEAGE_MAX_NODES + 1}`);
  return rowsOf<LineageRow>(res);
}
