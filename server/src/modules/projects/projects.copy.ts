import type { Project } from "@image-studio/shared";
import type { Ctx } from "../../context";
import { createOnce } from "../../lib/create-once";
import { variantKey } from "../../storage/keys";
import * as repo from "./projects.repo";
import { get, load } from "./projects.service";

/** Duplicating projects and saving them as templates. */

const VARIANTS = ["thumb-256.webp", "preview-768.webp"];

/** Copies the small preview variants so the copies show thumbnails; a missing variant is skipped. */
async function copyVariants(ctx: Ctx, from: string, to: string) {
  for (const v of VARIANTS) {
    const obj = await ctx.deps.storage.get(variantKey(ctx.user.id, from, v));
    if (!obj) continue;
    const chunks: Buffer[] = [];
    for await (const c of obj.body) chunks.push(Buffer.from(c as Buffer));
    await ctx.deps.storage.put(variantKey(ctx.user.id, to, v), Buffer.concat(chunks), { contentType: "image/webp" });
  }
}

/** The copy, and whether this call made it (false: a replay of the same client-minted id). */
export interface Copied {
  project: Project;
  created: boolean;
}

type Over = { id?: string; name?: string; isTemplate: boolean };

/** Creates the copy's project row under the (client-minted) id; false on a replay. Someone else's id is a 404. */
async function copyProject(ctx: Ctx, src: repo.ProjectWithCounts, newId: string, over: Over): Promise<boolean> {
  return createOnce({
    userId: ctx.user.id,
    what: "project",
    ownerOf: () => repo.ownerOf(ctx.db, newId),
    insert: () =>
      repo.insertIfAbsent(ctx.db, {
        id: newId,
        userId: ctx.user.id,
        name: over.name ?? `${src.name} (copy)`,
        description: src.description,
        notes: src.notes,
        tags: src.tags,
        category: src.category,
        settings: src.settings,
        isTemplate: over.isTemplate,
      }),
  });
}

/** New image rows for the copy, sharing the stored originals (reference-counted: see docs/decisions/shared-originals.md). */
async function copyImages(ctx: Ctx, fromProject: string, toProject: string) {
  const rows = await repo.imageRowsForCopy(ctx.db, ctx.user.id, fromProject);
  const copies = rows.map(({ id: from, version: _v, updatedAt: _u, ...r }) => {
    const to = crypto.randomUUID();
    const row = { ...r, id: to, projectId: toProject, fileUrl: `/api/images/${to}/file/original`, metadata: { ...r.metadata, copiedFrom: from } };
    return { from, row };
  });
  await repo.insertImages(
    ctx.db,
    copies.map((c) => c.row),
  );
  return copies.map((c) => ({ from: c.from, to: c.row.id }));
}

/**
 * A new project with the same fields and settings, whose images are new rows pointing at the same stored
 * originals (no original is copied; the small preview variants are). The project and its image rows appear
 * together (one transaction), so a concurrent replay of the same id answers the whole copy.
 */
export async function duplicate(ctx: Ctx, id: string, over: { id?: string; name?: string }): Promise<Copied> {
  const src = await load(ctx, id);
  const newId = over.id ?? crypto.randomUUID();
  const { created, copied } = await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    if (!(await copyProject(txCtx, src, newId, { ...over, isTemplate: false }))) return { created: false, copied: [] };
    return { created: true, copied: await copyImages(txCtx, id, newId) };
  });
  for (const c of copied) await copyVariants(ctx, c.from, c.to);
  return { project: await get(ctx, newId), created };
}

/** Saves a project's fields and settings (not its images) as a template. */
export async function saveAsTemplate(ctx: Ctx, id: string, over: { id?: string; name?: string }): Promise<Copied> {
  const src = await load(ctx, id);
  const newId = over.id ?? crypto.randomUUID();
  const created = await copyProject(ctx, src, newId, { ...over, isTemplate: true });
  return { project: await get(ctx, newId), created };
}
