import type { Project } from "@image-studio/shared";
import type { Ctx } from "../../context";
import { AppError } from "../../lib/errors";
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

async function copyProject(ctx: Ctx, id: string, over: { id?: string; name?: string; isTemplate: boolean }) {
  const src = await load(ctx, id);
  const newId = over.id ?? crypto.randomUUID();
  const owner = await repo.ownerOf(ctx.db, newId);
  if (owner === ctx.user.id) return { src, newId, replay: true };
  if (owner) throw new AppError("CONFLICT", "This id is taken");
  await repo.insert(ctx.db, {
    id: newId,
    userId: ctx.user.id,
    name: over.name ?? `${src.name} (copy)`,
    description: src.description,
    notes: src.notes,
    tags: src.tags,
    category: src.category,
    settings: src.settings,
    isTemplate: over.isTemplate,
  });
  return { src, newId, replay: false };
}

/**
 * A new project with the same fields and settings, whose images are new rows pointing at the same stored
 * originals (no original is copied; the small preview variants are).
 */
export async function duplicate(ctx: Ctx, id: string, over: { id?: string; name?: string }): Promise<Project> {
  const { newId, replay } = await copyProject(ctx, id, { ...over, isTemplate: false });
  if (replay) return get(ctx, newId);
  const rows = await repo.imageRows(ctx.db, ctx.user.id, id);
  const copies = rows.map(({ id: from, version: _v, updatedAt: _u, ...r }) => {
    const to = crypto.randomUUID();
    return {
      from,
      row: {
        ...r,
        id: to,
        projectId: newId,
        fileUrl: `/api/images/${to}/file/original`,
        metadata: { ...r.metadata, copiedFrom: from },
      },
    };
  });
  await repo.insertImages(
    ctx.db,
    copies.map((c) => c.row),
  );
  for (const c of copies) await copyVariants(ctx, c.from, c.row.id);
  return get(ctx, newId);
}

/** Saves a project's fields and settings (not its images) as a template. */
export async function saveAsTemplate(ctx: Ctx, id: string, over: { id?: string; name?: string }): Promise<Project> {
  const { newId } = await copyProject(ctx, id, { ...over, isTemplate: true });
  return get(ctx, newId);
}
