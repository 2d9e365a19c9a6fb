import { Readable } from "node:stream";
import archiver from "archiver";
import type { Ctx } from "../../context";
import { variantKey } from "../../storage/keys";
import { ARCHIVE_FORMAT, type Manifest, MANIFEST_NAME } from "./account-data.format";
import * as repo from "./account-data.repo";

const EXT: Record<string, string> = { png: "png", jpeg: "jpg", jpg: "jpg", webp: "webp", mp4: "mp4" };
/** A video's poster in the archive: its largest stored still (the variants are all made from the poster). */
const POSTER_VARIANT = "preview-768.webp";
const iso = (d: Date) => d.toISOString();

/** Everything the archive describes, read from the database (images in the trash are left out). */
export async function buildManifest(ctx: Ctx): Promise<{ manifest: Manifest; files: { name: string; key: string }[] }> {
  const uid = ctx.user.id;
  const [imgs, projs, cols, prms, settings] = await Promise.all([
    repo.liveImages(ctx.db, uid),
    repo.ownProjects(ctx.db, uid),
    repo.ownCollections(ctx.db, uid),
    repo.ownPrompts(ctx.db, uid),
    repo.settingsRow(ctx.db, uid),
  ]);
  const live = new Set(imgs.map((i) => i.id));
  const items = await repo.collectionItems(
    ctx.db,
    cols.map((c) => c.id),
  );
  const fileOf = (i: (typeof imgs)[number]) => `images/${i.id}.${EXT[i.format] ?? "png"}`;
  const posterOf = (i: (typeof imgs)[number]) => (i.mediaType === "video" ? `posters/${i.id}.webp` : null);
  const files = imgs.flatMap((i) => {
    const poster = posterOf(i);
    const clip = { name: fileOf(i), key: i.filePath };
    return poster ? [clip, { name: poster, key: variantKey(uid, i.id, POSTER_VARIANT) }] : [clip];
  });
  const keep = (id: string | null) => (id && live.has(id) ? id : null);
  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    exportedAt: iso(ctx.now),
    settings: settings
      ? {
          theme: settings.theme,
          galleryViewMode: settings.galleryViewMode,
          defaultModelId: settings.defaultModelId,
          defaultParameters: settings.defaultParameters ?? {},
          settings: settings.settings ?? {},
        }
      : null,
    projects: projs.map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      notes: p.notes,
      tags: p.tags,
      category: p.category,
      isArchived: p.isArchived,
      settings: p.settings as Record<string, unknown>,
      coverImageId: keep(p.coverImageId),
      createdAt: iso(p.createdAt),
    })),
    collections: cols.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      smartFilter: c.smartFilter ?? null,
      coverImageId: keep(c.coverImageId),
      images: items
        .filter((i) => i.collectionId === c.id && live.has(i.imageId))
        .map((i) => ({ imageId: i.imageId, position: i.position })),
      createdAt: iso(c.createdAt),
    })),
    prompts: prms.map((p) => ({
      id: p.id,
      title: p.title,
      promptText: p.promptText,
      negativePrompt: p.negativePrompt,
      category: p.category,
      tags: p.tags,
      isFavorite: p.isFavorite,
      isTemplate: p.isTemplate,
      usageCount: p.usageCount,
      createdAt: iso(p.createdAt),
    })),
    images: imgs.map((i) => ({
      id: i.id,
      file: fileOf(i),
      mediaType: i.mediaType,
      durationSeconds: i.durationSeconds,
      poster: posterOf(i),
      projectId: i.projectId,
      parentImageId: keep(i.parentImageId),
      prompt: i.prompt,
      negativePrompt: i.negativePrompt,
      modelId: i.modelId,
      modelVersion: i.modelVersion,
      parameters: i.parameters ?? {},
      generationTime: i.generationTime,
      costCredits: i.costCredits,
      operation: i.operation,
      isFavorite: i.isFavorite,
      rating: i.rating,
      tags: i.tags,
      notes: i.notes,
      altText: i.altText,
      metadata: i.metadata ?? {},
      createdAt: iso(i.createdAt),
    })),
  };
  return { manifest, files };
}

/**
 * The user's archive as a streamed ZIP: manifest.json first, then each original (a video's clip and poster; stored, not re-compressed),
 * one storage read at a time. An original missing from storage is left out and named in manifest `missing`.
 */
export async function exportArchive(ctx: Ctx) {
  const { manifest, files } = await buildManifest(ctx);
  const archive = archiver("zip", { store: true });
  void (async () => {
    archive.append(JSON.stringify(manifest, null, 2), { name: MANIFEST_NAME });
    for (const f of files) {
      const obj = await ctx.deps.storage.get(f.key);
      if (!obj) {
        ctx.log.warn("account export: original missing from storage", { key: f.key });
        continue;
      }
      await new Promise<void>((resolve, reject) => {
        const done = () => (archive.off("error", fail), resolve());
        const fail = (err: Error) => (archive.off("entry", done), reject(err));
        archive.once("entry", done).once("error", fail);
        archive.append(obj.body, { name: f.name });
      });
    }
    await archive.finalize();
  })().catch((err: unknown) => {
    ctx.log.warn("account export aborted", { err });
    archive.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return {
    body: Readable.toWeb(archive) as ReadableStream,
    fileName: `image-studio-archive-${ctx.now.toISOString().slice(0, 10)}.zip`,
    counts: { images: manifest.images.length },
  };
}
