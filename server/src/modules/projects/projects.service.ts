import { msg } from "../../i18n/api";
import {
  findBuiltinTemplate,
  type ImageList,
  type Project,
  type ProjectStats,
  type projectCreateSchema,
  type projectImagesQuerySchema,
  type projectListQuerySchema,
  type projectUpdateSchema,
} from "@image-studio/shared";
import type { z } from "zod";
import type { Ctx } from "../../context";
import { createOnce } from "../../lib/create-once";
import { AppError, notFound } from "../../lib/errors";
import { zipDownload } from "../images/images.export";
import * as images from "../images/images.service";
import * as repo from "./projects.repo";

/** Projects: CRUD with client-minted ids, membership of images, templates, archive and analytics. */

export function toProject(r: repo.ProjectWithCounts): Project {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    notes: r.notes,
    coverImageId: r.coverImageId,
    effectiveCoverImageId: r.coverImageId ?? r.latestImageId,
    tags: r.tags,
    category: r.category,
    settings: r.settings ?? {},
    isArchived: r.isArchived,
    isTemplate: r.isTemplate,
    imageCount: r.imageCount,
    costCredits: r.costCredits,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

export async function load(ctx: Ctx, id: string) {
  const row = await repo.get(ctx.db, ctx.user.id, id);
  if (!row) throw notFound("project");
  return row;
}

export const get = async (ctx: Ctx, id: string) => toProject(await load(ctx, id));

export async function list(ctx: Ctx, q: z.output<typeof projectListQuerySchema>): Promise<Project[]> {
  const archived = q.archived === "all" ? undefined : q.archived === "true";
  const rows = await repo.list(ctx.db, ctx.user.id, {
    archived,
    templates: q.templates === "true",
    tag: q.tag,
    q: q.q,
  });
  return rows.map(toProject);
}

export async function search(ctx: Ctx, q: string, limit: number): Promise<Project[]> {
  return (await repo.list(ctx.db, ctx.user.id, { templates: false, q, limit })).map(toProject);
}

/** Every id must be one of the user's images, or nothing happens (404 naming the missing ones). */
export async function assertImages(ctx: Ctx, ids: string[]) {
  const owned = new Set(await repo.ownedImageIds(ctx.db, ctx.user.id, ids));
  const missing = ids.filter((i) => !owned.has(i));
  if (missing.length)
    throw new AppError("NOT_FOUND", msg("projects.imagesNotFound", { count: missing.length }), {
      imageIds: missing,
    });
}

type CreateInput = z.output<typeof projectCreateSchema>;
type TemplateFields = Pick<repo.ProjectWithCounts, "description" | "notes" | "tags" | "category" | "settings">;

/** A built-in template (the same for everyone), or one of the caller's own template projects (404 otherwise). */
async function templateFields(ctx: Ctx, templateId: string): Promise<TemplateFields> {
  const builtin = findBuiltinTemplate(templateId);
  if (!builtin) return load(ctx, templateId);
  const { defaultModelId, defaultParameters, promptStarters } = builtin.settings;
  return {
    description: builtin.description,
    notes: "",
    tags: [...builtin.tags],
    category: builtin.category,
    settings: { defaultModelId, defaultParameters: { ...defaultParameters }, promptStarters: [...promptStarters] },
  };
}

/**
 * Creates a project, or — when the client-minted id is already the caller's — answers it unchanged (replays,
 * concurrent ones too, are harmless). Someone else's id is answered as any unknown id: 404.
 */
export async function create(ctx: Ctx, input: CreateInput): Promise<{ project: Project; created: boolean }> {
  const { id, templateId, ...fields } = input;
  if (id && (await repo.get(ctx.db, ctx.user.id, id))) return { project: await get(ctx, id), created: false };
  const template = templateId ? await templateFields(ctx, templateId) : undefined;
  if (fields.coverImageId) await assertImages(ctx, [fields.coverImageId]);
  const newId = id ?? crypto.randomUUID();
  const created = await createOnce({
    userId: ctx.user.id,
    what: "project",
    ownerOf: () => repo.ownerOf(ctx.db, newId),
    insert: () =>
      repo.insertIfAbsent(ctx.db, {
        id: newId,
        userId: ctx.user.id,
        name: fields.name,
        description: fields.description ?? template?.description ?? "",
        notes: fields.notes ?? template?.notes ?? "",
        coverImageId: fields.coverImageId ?? null,
        tags: fields.tags ?? template?.tags ?? [],
        category: fields.category ?? template?.category ?? null,
        settings: fields.settings ?? template?.settings ?? {},
        isArchived: fields.isArchived ?? false,
        isTemplate: fields.isTemplate ?? false,
      }),
  });
  return { project: await get(ctx, newId), created };
}

export async function update(ctx: Ctx, id: string, input: z.output<typeof projectUpdateSchema>): Promise<Project> {
  const { version, ...patch } = input;
  await load(ctx, id);
  if (patch.coverImageId) await assertImages(ctx, [patch.coverImageId]);
  if (!(await repo.update(ctx.db, ctx.user.id, id, patch, version))) {
    throw new AppError("CONFLICT", msg("projects.changedElsewhere"));
  }
  return get(ctx, id);
}

export const archive = (ctx: Ctx, id: string, archived: boolean) => update(ctx, id, { isArchived: archived });

/** Deletes a project; its images move to no project, or go to the trash. */
export async function remove(ctx: Ctx, id: string, imagesMode: "unassign" | "trash") {
  await load(ctx, id);
  const all = await repo.imageIds(ctx.db, ctx.user.id, id);
  if (imagesMode === "trash") await images.trash(ctx, all);
  // Unassign explicitly (not only ON DELETE SET NULL) so every image's sync version moves on.
  await images.move(ctx, all, null);
  await repo.remove(ctx.db, ctx.user.id, id);
  return { deleted: true, images: all.length };
}

export async function listImages(
  ctx: Ctx,
  id: string,
  q: z.output<typeof projectImagesQuerySchema>,
): Promise<ImageList> {
  await load(ctx, id);
  return images.list(ctx, { ...q, projectId: id });
}

export async function addImages(ctx: Ctx, id: string, imageIds: string[]) {
  await load(ctx, id);
  await assertImages(ctx, imageIds);
  const affected = await images.move(ctx, imageIds, id);
  await repo.update(ctx.db, ctx.user.id, id, {});
  return { affected, project: await get(ctx, id) };
}

export async function removeImage(ctx: Ctx, id: string, imageId: string) {
  await load(ctx, id);
  const inProject = new Set(await repo.imageIds(ctx.db, ctx.user.id, id));
  if (!inProject.has(imageId)) throw notFound("image");
  await images.move(ctx, [imageId], null);
  await repo.update(ctx.db, ctx.user.id, id, {});
  return get(ctx, id);
}

export async function stats(ctx: Ctx, id: string): Promise<ProjectStats> {
  await load(ctx, id);
  return repo.stats(ctx.db, ctx.user.id, id);
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40) || "project";

/** A streamed ZIP of the project's originals plus metadata.json and metadata.csv (the gallery's bulk download). */
export async function exportZip(ctx: Ctx, id: string) {
  const project = await load(ctx, id);
  const ids = await repo.imageIds(ctx.db, ctx.user.id, id, true);
  if (!ids.length) throw new AppError("BAD_REQUEST", msg("projects.nothingToExport"));
  const zip = await zipDownload(ctx, ids, { csv: true });
  return { body: zip.body, fileName: `${slug(project.name)}-${ctx.now.toISOString().slice(0, 10)}.zip` };
}
