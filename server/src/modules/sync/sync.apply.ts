import { LIMITS, type syncMutationSchema } from "@image-studio/shared";
import { msg } from "../../i18n/api";
import type { z } from "zod";
import type { Ctx } from "../../context";
import { AppError, notFound } from "../../lib/errors";
import * as batches from "../batch/batch.service";
import * as collections from "../collections/collections.service";
import { enqueueTextToImage } from "../generation/text-to-image.service";
import * as images from "../images/images.service";
import * as projects from "../projects/projects.service";
import * as prompts from "../prompts/prompts.service";
import { imageScope } from "../teams/teams.access";
import * as repo from "./sync.push.repo";

/** Applies one validated sync mutation through the owning module's service, in the caller's transaction. */

export type Mutation = z.output<typeof syncMutationSchema>;
type Of<T extends Mutation["type"]> = Extract<Mutation, { type: T }>;
export interface Outcome {
  version?: number;
  entityId?: string;
}

/**
 * Only the fields present are written; tags are added to and removed from the *current* tags. An image trashed
 * after the version the edit was made against wins (a conflict), unless it has been restored since. A team
 * member needs the editor role on the image's project, and only what the editor role allows online is written.
 */
async function updateImage(caller: Ctx, m: Of<"image.update">): Promise<Outcome> {
  // A team editor edits a shared project's image in the owner's scope, as online (a viewer: the image's 404).
  const ctx = await imageScope(caller, m.imageId, "editor");
  const current = await images.get(ctx, m.imageId);
  if (current.deletedAt && (m.baseVersion == null || m.baseVersion < current.version)) {
    throw new AppError("CONFLICT", msg("sync.trashedElsewhere"));
  }
  const { tagsAdd, tagsRemove, ...fields } = m.patch;
  if (Object.keys(fields).length) await images.update(ctx, m.imageId, fields);
  if (tagsAdd?.length || tagsRemove?.length) await images.retag(ctx, [m.imageId], tagsAdd ?? [], tagsRemove ?? []);
  const after = await images.get(ctx, m.imageId);
  if (after.tags.length > LIMITS.tagsPerImage) {
    throw new AppError("VALIDATION_FAILED", msg("sync.maxTags", { max: LIMITS.tagsPerImage }), { issues: [{ path: ["patch", "tagsAdd"], message: msg("issue.tooManyTags") }] });
  }
  return { version: after.version, entityId: m.imageId };
}

/** Bulk image actions answer the version only when they touched one image. */
async function imagesOutcome(ctx: Ctx, ids: string[]): Promise<Outcome> {
  const unique = [...new Set(ids)];
  return unique.length === 1 ? { version: (await images.get(ctx, unique[0]!)).version, entityId: unique[0] } : {};
}

async function imageBulk(ctx: Ctx, ids: string[], run: () => Promise<unknown>): Promise<Outcome> {
  await projects.assertImages(ctx, [...new Set(ids)]);
  await run();
  return imagesOutcome(ctx, ids);
}

/** A delete of something already deleted (a tombstone exists) is done, not an error. */
async function deleteOnce(ctx: Ctx, entity: "collection" | "prompt", id: string, run: () => Promise<unknown>): Promise<Outcome> {
  try {
    await run();
  } catch (err) {
    if (!(err instanceof AppError && err.code === "NOT_FOUND" && (await repo.tombstoned(ctx.db, ctx.user.id, entity, id)))) throw err;
  }
  return { entityId: id };
}

async function collectionOutcome(ctx: Ctx, id: string): Promise<Outcome> {
  const version = await repo.collectionVersion(ctx.db, ctx.user.id, id);
  if (version === undefined) throw notFound("collection");
  return { version, entityId: id };
}

const entity = (e: { id: string; version: number }): Outcome => ({ version: e.version, entityId: e.id });

export async function applyMutation(ctx: Ctx, m: Mutation): Promise<Outcome> {
  switch (m.type) {
    case "image.update":
      return updateImage(ctx, m);
    case "image.trash":
      return imageBulk(ctx, m.imageIds, () => images.trash(ctx, m.imageIds));
    case "image.restore":
      return imageBulk(ctx, m.imageIds, () => images.restore(ctx, m.imageIds));
    case "image.move":
      return imageBulk(ctx, m.imageIds, () => images.move(ctx, m.imageIds, m.projectId));
    case "project.create":
      return entity((await projects.create(ctx, m.project)).project);
    case "project.update":
      return entity(await projects.update(ctx, m.projectId, m.patch));
    case "collection.create":
      return entity((await collections.create(ctx, m.collection)).collection);
    case "collection.update":
      return entity(await collections.update(ctx, m.collectionId, m.patch));
    case "collection.delete":
      return deleteOnce(ctx, "collection", m.collectionId, () => collections.remove(ctx, m.collectionId));
    case "collection.addImages":
      return entity(await collections.addImages(ctx, m.collectionId, [...new Set(m.imageIds)]));
    case "collection.removeImage":
      return entity(await collections.removeImage(ctx, m.collectionId, m.imageId));
    case "collection.reorder":
      await collections.reorder(ctx, m.collectionId, m.imageId, m.afterImageId);
      return collectionOutcome(ctx, m.collectionId);
    case "prompt.create":
      return entity((await prompts.create(ctx, m.prompt)).prompt);
    case "prompt.update":
      return entity(await prompts.update(ctx, m.promptId, m.patch));
    case "prompt.delete":
      return deleteOnce(ctx, "prompt", m.promptId, () => prompts.remove(ctx, m.promptId));
    case "generation.enqueue": {
      const { job } = await enqueueTextToImage(ctx, { ...m.request, clientId: m.request.clientId ?? m.id });
      return entity(job);
    }
    case "batch.enqueue": {
      const { batch } = await batches.create(ctx, { ...m.request, clientId: m.request.clientId ?? m.id });
      return { entityId: batch.id };
    }
  }
}
