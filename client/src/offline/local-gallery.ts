import type { ImageDetail, ImageList, ImageListQueryInput, ImageSummary } from "@image-studio/shared";
import { type Collection, Dexie } from "dexie";
import { db, type LocalImage } from "./db";

/**
 * The gallery answered from the device: the same filters and sorts as GET /api/images, paged with an offset
 * cursor ("local:<n>") so it can stand in for the server's keyset paging when the network is away.
 *
 * Newest-first (and oldest-first) pages walk the `createdAt` index — or `[projectId+createdAt]` for a project,
 * `[sortPrompt+createdAt]` / `[sortRating+createdAt]` for the prompt and rating orders (sort-keys.ts) — lazily: rows are read, filtered and counted only until the page is full, so the first page costs the same with
 * 1,000 or 100,000 images. Other sorts read only the rows an index narrows them to (a collection's items, a
 * project, a rare tag) and sort those in memory; with nothing to narrow by, the whole table (`inMemoryPage`).
 * Both paths return exactly the same pages (local-gallery.test.ts).
 */

const ASPECTS: Record<string, number> = { "1:1": 1, "16:9": 16 / 9, "9:16": 9 / 16, "4:3": 4 / 3, "3:4": 3 / 4, "3:2": 3 / 2, "2:3": 2 / 3, "21:9": 21 / 9 };

function aspectMatches(img: ImageDetail, aspect: string): boolean {
  const r = img.width / img.height;
  if (aspect === "square") return Math.abs(r - 1) < 0.05;
  if (aspect === "landscape") return r > 1.05;
  if (aspect === "portrait") return r < 0.95;
  const want = ASPECTS[aspect];
  return want === undefined || Math.abs(r - want) < 0.03;
}

const asList = (v: unknown): string[] => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(",")).filter(Boolean));
const truthy = (v: unknown) => v === true || v === "true" || v === "1";

export function matches(img: ImageDetail, q: ImageListQueryInput, collectionIds: Set<string> | null): boolean {
  // A teammate's image (a project shared with the user) shows on its project's page only, as online.
  if ((img as LocalImage).shared && (!q.projectId || q.projectId !== img.projectId)) return false;
  if (truthy(q.trash) ? !img.deletedAt : img.deletedAt) return false;
  if (q.favorite !== undefined && truthy(q.favorite) !== img.isFavorite) return false;
  if (q.projectId === "none" ? img.projectId !== null : q.projectId && img.projectId !== q.projectId) return false;
  if (collectionIds && !collectionIds.has(img.id)) return false;
  const tags = asList(q.tags);
  if (tags.some((t) => !img.tags.includes(t))) return false;
  const models = asList(q.modelId);
  if (models.length && !models.includes(img.modelId)) return false;
  if (q.minRating !== undefined && (img.rating ?? 0) < Number(q.minRating)) return false;
  if (truthy(q.unrated) && img.rating !== null) return false;
  if (q.mediaType !== undefined && q.mediaType !== (img.mediaType === "video" ? "video" : "image")) return false;
  if (q.hasParent !== undefined && truthy(q.hasParent) !== (img.parentImageId !== null)) return false;
  if (q.aspect && !aspectMatches(img, q.aspect)) return false;
  if (q.minWidth !== undefined && img.width < Number(q.minWidth)) return false;
  if (q.minHeight !== undefined && img.height < Number(q.minHeight)) return false;
  if (q.minMegapixels !== undefined && (img.width * img.height) / 1e6 < Number(q.minMegapixels)) return false;
  if (q.from && img.createdAt < q.from) return false;
  if (q.to && img.createdAt.slice(0, 10) > q.to.slice(0, 10)) return false;
  if (q.q) {
    const needle = q.q.toLowerCase();
    if (![img.prompt, img.altText, img.notes, ...img.tags].some((s) => s.toLowerCase().includes(needle))) return false;
  }
  return true;
}

/** The sort order; ties by (createdAt, id) — the same order the `createdAt` index keeps (key, then primary key). */
function comparator(q: ImageListQueryInput): (a: ImageDetail, b: ImageDetail) => number {
  const dir = q.order === "asc" ? 1 : -1;
  const key: (i: ImageDetail) => string | number =
    q.sort === "prompt" ? (i) => i.prompt.toLowerCase() : q.sort === "rating" ? (i) => i.rating ?? 0 : q.sort === "model" ? (i) => i.modelId : q.sort === "deleted" ? (i) => i.deletedAt ?? "" : (i) => i.createdAt;
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return (ka < kb ? -1 : 1) * dir;
    return (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1) * dir;
  };
}

export const toSummary = (d: ImageDetail): ImageSummary => ({
  id: d.id,
  projectId: d.projectId,
  prompt: d.prompt,
  altText: d.altText,
  modelId: d.modelId,
  width: d.width,
  height: d.height,
  fileSize: d.fileSize,
  format: d.format,
  // Details cached before videos existed have no mediaType: they are images.
  mediaType: d.mediaType ?? "image",
  durationSeconds: d.durationSeconds ?? null,
  thumbhash: d.thumbhash,
  isFavorite: d.isFavorite,
  rating: d.rating,
  tags: d.tags,
  parentImageId: d.parentImageId,
  operation: d.operation,
  createdAt: d.createdAt,
  deletedAt: d.deletedAt,
  version: d.version,
});

export const isLocalCursor = (c: string | undefined) => !!c && c.startsWith("local:");
const offsetOf = (cursor: string | undefined) => (isLocalCursor(cursor) ? Number(cursor!.slice(6)) || 0 : 0);

/**
 * Up to this many images with the first wanted tag, reading them through the tag index and sorting is cheaper than
 * walking the date index past the others (Chromium, 10k images: 2,000 tagged rows read ≈ 200 ms, a date walk ≈ 40 ms).
 */
export const tuning = { tagIndexMax: 1000 };

async function collectionMembers(q: ImageListQueryInput): Promise<Set<string> | null> {
  if (!q.collectionId) return null;
  const c = await db().collections.get(q.collectionId);
  return new Set(c?.items.map((i) => i.imageId) ?? []);
}

/** Filters, sorts and slices rows already read (they must include every row that matches). */
function inMemoryPage(rows: ImageDetail[], q: ImageListQueryInput, collectionIds: Set<string> | null, offset: number, limit: number): ImageList {
  const all = rows.filter((i) => matches(i, q, collectionIds));
  if (collectionIds && !q.sort) {
    const order = new Map([...collectionIds].map((id, n) => [id, n]));
    all.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  } else all.sort(comparator(q));
  const items = all.slice(offset, offset + limit).map(toSummary);
  return { items, nextCursor: offset + limit < all.length ? `local:${offset + limit}` : null };
}

/** The reference path: every row, filtered and sorted in memory (tests compare the indexed path with it). */
export async function localImagePageInMemory(q: ImageListQueryInput, cursor: string | undefined, limit = 100): Promise<ImageList> {
  return inMemoryPage(await db().images.toArray(), q, await collectionMembers(q), offsetOf(cursor), limit);
}

/** An index's order (date, prompt, rating), read lazily: filter, skip `offset` matches, stop one past the page. */
async function datePage(rows: Collection<ImageDetail, string>, q: ImageListQueryInput, offset: number, limit: number): Promise<ImageList> {
  const ordered = q.order === "asc" ? rows : rows.reverse();
  const found = await ordered
    .filter((i) => matches(i, q, null))
    .offset(offset)
    .limit(limit + 1)
    .toArray();
  return { items: found.slice(0, limit).map(toSummary), nextCursor: found.length > limit ? `local:${offset + limit}` : null };
}

/** One page of the gallery from the device. */
export async function localImagePage(q: ImageListQueryInput, cursor: string | undefined, limit = 100): Promise<ImageList> {
  const d = db();
  const offset = offsetOf(cursor);
  const members = await collectionMembers(q);
  if (members) {
    const rows = await d.images.bulkGet([...members]);
    return inMemoryPage(rows.filter((r): r is ImageDetail => !!r), q, members, offset, limit);
  }
  const project = q.projectId && q.projectId !== "none" ? q.projectId : null;
  const [tag] = asList(q.tags);
  const rareTag = !!tag && !project && (await d.images.where("tags").equals(tag).count()) <= tuning.tagIndexMax;
  if ((!q.sort || q.sort === "date") && !rareTag) {
    const rows = project ? d.images.where("[projectId+createdAt]").between([project, Dexie.minKey], [project, Dexie.maxKey]) : d.images.orderBy("createdAt");
    return datePage(rows, q, offset, limit);
  }
  const sortIndex = q.sort === "prompt" ? "[sortPrompt+createdAt]" : q.sort === "rating" ? "[sortRating+createdAt]" : null;
  if (sortIndex && !project && !rareTag) return datePage(d.images.orderBy(sortIndex), q, offset, limit);
  const rows = project
    ? await d.images.where("projectId").equals(project).toArray()
    : rareTag
      ? await d.images.where("tags").equals(tag!).toArray()
      : await d.images.toArray();
  return inMemoryPage(rows, q, null, offset, limit);
}
