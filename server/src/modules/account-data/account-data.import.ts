import { randomUUID } from "node:crypto";
import { msg, type ApiMessage } from "../../i18n/api";
import { findModel, generationPresetSchema, type ImportResult, RESERVED_SETTINGS_KEYS } from "@image-studio/shared";
import type { Ctx } from "../../context";
import { decodePool } from "../../lib/decode-pool";
import { AppError } from "../../lib/errors";
import { processedFields, storeProcessed } from "../../storage/processed";
import { assertRoom } from "../usage/quota.service";
import * as settings from "../settings/settings.service";
import { archivedSize, readArchivedMedia } from "./account-data.media";
import { type Manifest, MANIFEST_MAX_BYTES, MANIFEST_NAME, manifestSchema } from "./account-data.format";
import * as repo from "./account-data.repo";
import { openZip, ZipTooLarge, type ZipReader } from "./zip-reader";

const bad = (message: ApiMessage) => new AppError("VALIDATION_FAILED", message, { issues: [{ path: ["file"], message }] });

async function readManifest(zip: ZipReader): Promise<Manifest> {
  let raw: Buffer | null;
  try {
    raw = await zip.read(MANIFEST_NAME, MANIFEST_MAX_BYTES);
  } catch (err) {
    if (err instanceof ZipTooLarge) throw bad(msg("archive.manifestTooLarge"));
    throw bad(msg("archive.unreadable"));
  }
  if (!raw) throw bad(msg("archive.notOurs"));
  let json: unknown;
  try {
    json = JSON.parse(raw.toString("utf8"));
  } catch {
    throw bad(msg("archive.manifestNotJson"));
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw bad(
      msg("archive.manifestUnknown", { detail: `${issue?.path.join(".") || "format"}: ${issue?.message}` }),
    );
  }
  return parsed.data;
}

/** New ids for every record, so an import never overwrites anything (importing twice gives two copies). */
function idMap(ids: string[]) {
  return new Map(ids.map((id) => [id, randomUUID()]));
}

/** Keys written for images stored so far, removed again if the import fails before its rows are committed. */
type Stored = { keys: string[] };

async function storeImages(
  ctx: Ctx,
  zip: ZipReader,
  m: Manifest,
  ids: Map<string, string>,
  stored: Stored,
  skipped: string[],
) {
  const rows: repo.ImageInsert[] = [];
  const pool = decodePool(ctx.deps.env.DECODE_CONCURRENCY);
  const uid = ctx.user.id;
  for (const img of m.images) {
    const id = ids.get(img.id)!;
    const media = await readArchivedMedia(zip, img, pool);
    if ("skip" in media) {
      skipped.push(media.skip);
      ids.delete(img.id);
      continue;
    }
    const keys = await storeProcessed(ctx.deps.storage, uid, id, media.processed, media.clip);
    stored.keys.push(...keys);
    rows.push({
      id,
      userId: uid,
      ...processedFields(id, media.processed, keys[0]!, media.clip),
      prompt: img.prompt,
      negativePrompt: img.negativePrompt,
      modelId: img.modelId,
      modelVersion: img.modelVersion,
      parameters: img.parameters,
      generationTime: img.generationTime,
      costCredits: img.costCredits,
      operation: img.operation,
      isFavorite: img.isFavorite,
      rating: img.rating,
      tags: img.tags,
      notes: img.notes,
      altText: img.altText,
      metadata: { ...img.metadata, importedFrom: img.id },
      createdAt: new Date(img.createdAt),
      // projectId and parentImageId are filled in once every id is known.
      projectId: img.projectId,
      parentImageId: img.parentImageId,
    });
  }
  return rows;
}

/** Presets are added (a name already taken is skipped); defaults and other preferences only fill what is unset. */
async function importSettings(ctx: Ctx, m: Manifest, skipped: string[]): Promise<number> {
  if (!m.settings) return 0;
  const current = await settings.getSettings(ctx);
  const s = m.settings;
  if (!current.defaultModelId && s.defaultModelId && findModel(s.defaultModelId)) {
    await settings
      .updateSettings(ctx, { defaultModelId: s.defaultModelId, defaultParameters: s.defaultParameters })
      .catch(() => {
        skipped.push("settings: the default model's parameters do not fit this install");
      });
  }
  const misc = Object.fromEntries(
    Object.entries(s.settings).filter(
      ([k]) => !(RESERVED_SETTINGS_KEYS as readonly string[]).includes(k) && !(k in current.settings),
    ),
  );
  if (Object.keys(misc).length) await settings.updateSettings(ctx, { settings: misc });
  let presets = 0;
  const list = Array.isArray(s.settings.presets) ? s.settings.presets : [];
  for (const raw of list) {
    const p = generationPresetSchema.safeParse(raw);
    if (!p.success) continue;
    const { id: _id, createdAt: _c, updatedAt: _u, ...input } = p.data;
    try {
      await settings.savePreset(ctx, randomUUID(), input);
      presets++;
    } catch (err) {
      skipped.push(`preset "${p.data.name}": ${err instanceof Error ? err.message : "not imported"}`);
    }
  }
  return presets;
}

function remapFilter(filter: Record<string, unknown> | null, maps: Map<string, string>[]) {
  if (!filter) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filter))
    out[k] = typeof v === "string" ? (maps.find((m) => m.has(v))?.get(v) ?? v) : v;
  return out;
}

/**
 * Recreates an archive's images (originals re-processed into variants), projects, collections, prompts and
 * settings for the signed-in user, all under new ids: nothing the user already has is changed. Rows are written in
 * one transaction; if that fails the stored files are removed again.
 */
export async function importArchive(ctx: Ctx, zipPath: string): Promise<ImportResult> {
  let zip: ZipReader;
  try {
    zip = await openZip(zipPath);
  } catch {
    throw bad(msg("archive.notZip"));
  }
  const stored: Stored = { keys: [] };
  try {
    const m = await readManifest(zip);
    if (m.images.length)
      await assertRoom(
        ctx,
        m.images.reduce((n, i) => n + archivedSize(zip, i), 0),
      );
    const skipped: string[] = [];
    const imageIds = idMap(m.images.map((i) => i.id));
    const projectIds = idMap(m.projects.map((p) => p.id));
    const collectionIds = idMap(m.collections.map((c) => c.id));
    const rows = await storeImages(ctx, zip, m, imageIds, stored, skipped);
    const seen = new Set<string>();
    for (const r of rows) {
      r.projectId = r.projectId ? (projectIds.get(r.projectId) ?? null) : null;
      const parent = r.parentImageId ? imageIds.get(r.parentImageId) : undefined;
      r.parentImageId = parent && seen.has(parent) ? parent : null; // parents come first (ordered by creation)
      seen.add(r.id!);
    }
    const uid = ctx.user.id;
    await ctx.db.transaction(async (tx) => {
      await repo.insertProjects(
        tx,
        m.projects.map((p) => ({
          id: projectIds.get(p.id)!,
          userId: uid,
          name: p.name,
          description: p.description,
          notes: p.notes,
          tags: p.tags,
          category: p.category,
          isArchived: p.isArchived,
          settings: p.settings,
          createdAt: new Date(p.createdAt),
        })),
      );
      await repo.insertImages(tx, rows);
      await repo.insertCollections(
        tx,
        m.collections.map((c) => ({
          id: collectionIds.get(c.id)!,
          userId: uid,
          name: c.name,
          description: c.description,
          smartFilter: remapFilter(c.smartFilter, [projectIds, collectionIds]),
          createdAt: new Date(c.createdAt),
        })),
      );
      await repo.insertCollectionItems(
        tx,
        m.collections.flatMap((c) =>
          c.images.flatMap((i) => {
            const imageId = imageIds.get(i.imageId);
            return imageId ? [{ collectionId: collectionIds.get(c.id)!, imageId, position: i.position }] : [];
          }),
        ),
      );
      await repo.insertPrompts(
        tx,
        m.prompts.map((p) => ({
          id: randomUUID(),
          userId: uid,
          title: p.title,
          promptText: p.promptText,
          negativePrompt: p.negativePrompt,
          category: p.category,
          tags: p.tags,
          isFavorite: p.isFavorite,
          isTemplate: p.isTemplate,
          usageCount: p.usageCount,
          createdAt: new Date(p.createdAt),
        })),
      );
      for (const p of m.projects) {
        const cover = p.coverImageId && imageIds.get(p.coverImageId);
        if (cover) await repo.setProjectCover(tx, uid, projectIds.get(p.id)!, cover);
      }
      for (const c of m.collections) {
        const cover = c.coverImageId && imageIds.get(c.coverImageId);
        if (cover) await repo.setCollectionCover(tx, uid, collectionIds.get(c.id)!, cover);
      }
    });
    stored.keys = [];
    const presets = await importSettings(ctx, m, skipped);
    return {
      images: rows.length,
      projects: m.projects.length,
      collections: m.collections.length,
      prompts: m.prompts.length,
      presets,
      skipped,
    };
  } finally {
    zip.close();
    for (const key of stored.keys) await ctx.deps.storage.delete(key).catch(() => undefined);
  }
}
