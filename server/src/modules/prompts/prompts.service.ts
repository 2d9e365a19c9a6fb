import type { Prompt, promptCreateSchema, promptUpdateSchema } from "@image-studio/shared";
import { msg } from "../../i18n/api";
import type { z } from "zod";
import type { Ctx } from "../../context";
import { createOnce } from "../../lib/create-once";
import { AppError, notFound } from "../../lib/errors";
import * as repo from "./prompts.repo";

/** The prompt library: saved prompts with client-minted ids, so offline creates and replays are harmless. */

export function toPrompt(r: repo.PromptRow): Prompt {
  return {
    id: r.id,
    title: r.title,
    promptText: r.promptText,
    negativePrompt: r.negativePrompt,
    category: r.category,
    tags: r.tags,
    isFavorite: r.isFavorite,
    isTemplate: r.isTemplate,
    variables: r.variables,
    isPublic: r.isPublic,
    exampleImageId: r.exampleImageId,
    usageCount: r.usageCount,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

async function load(ctx: Ctx, id: string) {
  const row = await repo.get(ctx.db, ctx.user.id, id);
  if (!row) throw notFound("prompt");
  return row;
}

export const get = async (ctx: Ctx, id: string) => toPrompt(await load(ctx, id));

export const list = async (ctx: Ctx): Promise<Prompt[]> => (await repo.list(ctx.db, ctx.user.id)).map(toPrompt);

/** The caller's prompts among `ids` (the sync pull's batch read). */
export const byIds = async (ctx: Ctx, ids: string[]): Promise<Prompt[]> => (await repo.byIds(ctx.db, ctx.user.id, ids)).map(toPrompt);

/** Creates a prompt, or — when the id is already the caller's — answers it unchanged (a replay). Someone else's id is a 404. */
export async function create(ctx: Ctx, input: z.output<typeof promptCreateSchema>): Promise<{ prompt: Prompt; created: boolean }> {
  const created = await createOnce({
    userId: ctx.user.id,
    what: "prompt",
    ownerOf: () => repo.ownerOf(ctx.db, input.id),
    insert: () =>
      repo.insertIfAbsent(ctx.db, {
        id: input.id,
        userId: ctx.user.id,
        title: input.title,
        promptText: input.promptText,
        negativePrompt: input.negativePrompt ?? "",
        category: input.category ?? null,
        tags: input.tags ?? [],
        isFavorite: input.isFavorite ?? false,
        isTemplate: input.isTemplate ?? false,
        variables: input.variables ?? {},
      }),
  });
  return { prompt: await get(ctx, input.id), created };
}

/** Writes only the fields given, so edits of different fields from two devices merge. */
export async function update(ctx: Ctx, id: string, patch: z.output<typeof promptUpdateSchema>): Promise<Prompt> {
  const { isPublic, exampleImageId, ...fields } = patch;
  const write: repo.PromptPatch = { ...fields };
  if (exampleImageId !== undefined) {
    if (exampleImageId && !(await repo.ownsLiveImage(ctx.db, ctx.user.id, exampleImageId))) throw notFound("image");
    write.exampleImageId = exampleImageId;
  }
  if (isPublic !== undefined) {
    if (isPublic && ctx.user.isGuest) throw new AppError("FORBIDDEN", msg("guest.publishPrompts"));
    const current = await load(ctx, id);
    write.isPublic = isPublic;
    write.publishedAt = isPublic ? (current.publishedAt ?? ctx.now) : null;
  }
  if (!(await repo.update(ctx.db, ctx.user.id, id, write))) throw notFound("prompt");
  return get(ctx, id);
}

export async function remove(ctx: Ctx, id: string): Promise<{ deleted: true }> {
  if (!(await repo.remove(ctx.db, ctx.user.id, id))) throw notFound("prompt");
  return { deleted: true };
}
