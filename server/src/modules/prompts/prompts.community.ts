import { msg } from "../../i18n/api";
import {
  type Prompt,
  type PromptHistoryEntry,
  type PromptStats,
  type PublicPrompt,
  SUGGESTED_PROMPT_CATEGORIES,
} from "@image-studio/shared";
import { randomUUID } from "node:crypto";
import type { Ctx } from "../../context";
import { AppError, notFound } from "../../lib/errors";
import { audit } from "../audit/audit";
import * as community from "./prompts.community.repo";
import * as repo from "./prompts.repo";
import { get, toPrompt } from "./prompts.service";

/** Community prompts, stars, copies, categories, usage history and keep-rates. */

const rate = (kept: number, images: number) => (images > 0 ? Math.round((kept / images) * 1000) / 1000 : null);

function encodeCursor(c: { at: Date; id: string } | number): string {
  return typeof c === "number" ? `o:${c}` : `r:${c.at.toISOString()}|${c.id}`;
}

function decodeCursor(raw: string | undefined, sort: "recent" | "popular"): { after?: { at: Date; id: string }; offset?: number } {
  if (!raw) return {};
  const bad = () => new AppError("VALIDATION_FAILED", msg("request.thisCursorInvalid"), { issues: [{ path: ["cursor"], message: msg("issue.invalidCursor") }] });
  if (sort === "popular") {
    const m = /^o:(\d{1,6})$/.exec(raw);
    if (!m) throw bad();
    return { offset: Number(m[1]) };
  }
  const m = /^r:(\d{4}-\d\d-\d\dT[\d:.]+Z)\|([0-9a-f-]{36})$/i.exec(raw);
  const at = m ? new Date(m[1]!) : undefined;
  if (!m || !at || Number.isNaN(at.getTime())) throw bad();
  return { after: { at, id: m[2]!.toLowerCase() } };
}

export async function listPublic(
  ctx: Ctx,
  input: { q?: string; category?: string; sort: "recent" | "popular"; limit: number; cursor?: string },
): Promise<{ items: PublicPrompt[]; nextCursor: string | null }> {
  const page = decodeCursor(input.cursor, input.sort);
  const rows = await community.listPublished(ctx.db, { viewerId: ctx.user.id, q: input.q, category: input.category, sort: input.sort, limit: input.limit, ...page });
  const more = rows.length > input.limit;
  const shown = rows.slice(0, input.limit);
  const items = shown.map(({ row, authorName, exampleLive, stars, starred }) => ({
    id: row.id,
    title: row.title,
    promptText: row.promptText,
    negativePrompt: row.negativePrompt,
    category: row.category,
    tags: row.tags,
    isTemplate: row.isTemplate,
    variables: row.variables,
    author: { name: authorName },
    mine: row.userId === ctx.user.id,
    exampleUrl: exampleLive ? `/api/prompts/public/${row.id}/example` : null,
    stars,
    starredByMe: starred,
    copies: row.copyCount,
    publishedAt: row.publishedAt!.toISOString(),
  }));
  const last = shown.at(-1);
  const nextCursor = !more || !last ? null : input.sort === "popular" ? encodeCursor((page.offset ?? 0) + input.limit) : encodeCursor({ at: last.row.publishedAt!, id: last.row.id });
  return { items, nextCursor };
}

/** Own prompt: sets its favourite flag. Someone else's published prompt: stars or unstars it. Anything else: 404. */
export async function favorite(ctx: Ctx, id: string, on: boolean): Promise<{ id: string; isFavorite: boolean; stars?: number }> {
  const own = await repo.get(ctx.db, ctx.user.id, id);
  if (own) {
    await repo.update(ctx.db, ctx.user.id, id, { isFavorite: on });
    return { id, isFavorite: on };
  }
  if (!(await community.getPublished(ctx.db, id))) throw notFound("prompt");
  const stars = await community.star(ctx.db, ctx.user.id, id, on);
  return { id, isFavorite: on, stars };
}

/** Copies a published prompt (or one of the caller's own) into the caller's library. `newId` makes a replay harmless. */
export async function copy(ctx: Ctx, id: string, newId?: string): Promise<{ prompt: Prompt; created: boolean }> {
  const targetId = newId ?? randomUUID();
  const existing = await repo.get(ctx.db, ctx.user.id, targetId);
  if (existing) return { prompt: toPrompt(existing), created: false };
  const source = (await repo.get(ctx.db, ctx.user.id, id)) ?? (await community.getPublished(ctx.db, id));
  if (!source) throw notFound("prompt");
  const inserted = await repo.insertIfAbsent(ctx.db, {
    id: targetId,
    userId: ctx.user.id,
    title: source.userId === ctx.user.id ? `${source.title} (copy)`.slice(0, 200) : source.title,
    promptText: source.promptText,
    negativePrompt: source.negativePrompt,
    category: source.category,
    tags: source.tags,
    isTemplate: source.isTemplate,
    variables: source.variables,
    copiedFromId: source.id,
  });
  if (!inserted) throw notFound("prompt");
  if (source.userId !== ctx.user.id) await community.bumpCopies(ctx.db, source.id);
  return { prompt: await get(ctx, targetId), created: true };
}

export async function categories(ctx: Ctx) {
  const own = await community.categories(ctx.db, ctx.user.id);
  const names = new Set(own.map((c) => c.name!.toLowerCase()));
  return {
    items: own.map((c) => ({ name: c.name!, count: c.count })),
    suggested: SUGGESTED_PROMPT_CATEGORIES.filter((c) => !names.has(c.toLowerCase())),
  };
}

export async function history(ctx: Ctx, input: { q?: string; limit: number }): Promise<PromptHistoryEntry[]> {
  const rows = await community.history(ctx.db, ctx.user.id, input);
  return rows.map((r) => ({
    text: r.text,
    negativePrompt: r.negative_prompt ?? "",
    modelId: r.model_id,
    uses: Number(r.uses),
    lastUsedAt: new Date(r.last_used_at).toISOString(),
    images: Number(r.images),
    kept: Number(r.kept),
    favorited: Number(r.favorited),
    keepRate: rate(Number(r.kept), Number(r.images)),
  }));
}

export async function stats(ctx: Ctx): Promise<PromptStats[]> {
  const rows = await community.stats(ctx.db, ctx.user.id);
  return rows.map((r) => ({
    promptId: r.prompt_id,
    uses: Number(r.uses),
    images: Number(r.images),
    kept: Number(r.kept),
    favorited: Number(r.favorited),
    keepRate: rate(Number(r.kept), Number(r.images)),
  }));
}

/** GET /api/search/prompts: the caller's library ranked, and matching prompts from their history. */
export async function search(ctx: Ctx, q: string, limit: number) {
  const [library, used] = await Promise.all([community.searchLibrary(ctx.db, ctx.user.id, q, limit), history(ctx, { q, limit: Math.min(limit, 10) })]);
  return { items: library.map(toPrompt), history: used };
}

export async function exampleOf(ctx: { db: Ctx["db"] }, id: string) {
  const ex = await community.publishedExample(ctx.db, id);
  if (!ex) throw notFound("image");
  return ex;
}

export async function unpublish(ctx: Ctx, id: string): Promise<{ id: string; isPublic: false }> {
  const done = await ctx.db.transaction(async (tx) => {
    const changed = await community.unpublish(tx as unknown as Ctx["db"], id);
    if (changed) await audit(ctx, { action: "prompt.unpublish", targetType: "prompt", targetId: id }, tx as unknown as Ctx["db"]);
    return changed;
  });
  if (!done) throw notFound("prompt");
  return { id, isPublic: false };
}
