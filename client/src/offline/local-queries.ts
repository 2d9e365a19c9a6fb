import type { CollectionDetail, ImageDetail, ImageList, ImageListQueryInput, ImageSummary, Project, ProjectStats } from "@image-studio/shared";
import { db } from "./db";

/**
 * The gallery answered from the device: the same filters and sorts as GET /api/images, paged with an offset
 * cursor ("local:<n>") so it can stand in for the server's keyset paging when the network is away.
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

/** One page of the gallery from the device. */
export async function localImagePage(q: ImageListQueryInput, cursor: string | undefined, limit = 100): Promise<ImageList> {
  const d = db();
  let collectionIds: Set<string> | null = null;
  if (q.collectionId) {
    const c = await d.collections.get(q.collectionId);
    collectionIds = new Set(c?.items.map((i) => i.imageId) ?? []);
  }
  const all = (await d.images.toArray()).filter((i) => matches(i, q, collectionIds));
  if (collectionIds && !q.sort) {
    const order = new Map([...collectionIds].map((id, n) => [id, n]));
    all.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  } else all.sort(comparator(q));
  const offset = isLocalCursor(cursor) ? Number(cursor!.slice(6)) || 0 : 0;
  const items = all.slice(offset, offset + limit).map(toSummary);
  return { items, nextCursor: offset + limit < all.length ? `local:${offset + limit}` : null };
}

export const localImage = (id: string) => db().images.get(id);

/** Images whose local copy is ahead of the server (changes waiting in the outbox). */
export async function locallyChangedImages(ids: string[]): Promise<Map<string, ImageDetail>> {
  const d = db();
  if (!ids.length || (await d.outbox.where("status").equals("pending").count()) === 0) return new Map();
  const refs = ids.map((id) => `image:${id}`);
  const entries = await d.outbox.where("entities").anyOf(refs).and((e) => e.status === "pending").toArray();
  const touched = new Set(entries.flatMap((e) => e.entities).filter((r) => r.startsWith("image:")).map((r) => r.slice(6)));
  const rows = await d.images.bulkGet([...touched]);
  return new Map(rows.filter((r): r is ImageDetail => !!r).map((r) => [r.id, r]));
}

/** Server rows with the device's not-yet-sent changes laid over them (so a refetch never undoes a pending edit). */
export async function overlayPending<T extends { id: string }>(items: T[], listQuery?: ImageListQueryInput): Promise<T[]> {
  const local = await locallyChangedImages(items.map((i) => i.id));
  if (!local.size) return items;
  const out: T[] = [];
  for (const i of items) {
    const l = local.get(i.id);
    if (l && listQuery && !matches(l, { ...listQuery, collectionId: undefined }, null)) continue;
    out.push(l ? ({ ...i, ...pick(l, Object.keys(i) as (keyof ImageDetail)[]) } as T) : i);
  }
  return out;
}

function pick(d: ImageDetail, keys: (keyof ImageDetail)[]): Partial<ImageDetail> {
  const out: Partial<ImageDetail> = {};
  for (const k of keys) if (k in d && k !== "version") (out as Record<string, unknown>)[k] = d[k];
  return out;
}

/** A collection page from the device (hand-curated order; smart collections list nothing offline). */
export async function localCollectionDetail(id: string): Promise<CollectionDetail | undefined> {
  const c = await db().collections.get(id);
  if (!c) return undefined;
  const { items, ...rest } = c;
  const rows = await db().images.bulkGet(items.map((i) => i.imageId));
  const images = rows.flatMap((r, n) => (r && !r.deletedAt ? [{ ...toSummary(r), position: items[n]!.position || null }] : []));
  return { ...rest, images };
}

export const localCollections = () => db().collections.toArray();

/** Projects from the device, filtered like GET /api/projects (archived, templates, tag, name search). */
export async function localProjects(q: { archived?: string; templates?: string; tag?: string; q?: string } = {}): Promise<Project[]> {
  const archived = q.archived ?? "false";
  const templates = q.templates === "true";
  const needle = q.q?.trim().toLowerCase();
  const rows = (await db().projects.toArray()).filter(
    (p) =>
      (archived === "all" || p.isArchived === (archived === "true")) &&
      p.isTemplate === templates &&
      (!q.tag || p.tags.includes(q.tag)) &&
      (!needle || p.name.toLowerCase().includes(needle) || p.description.toLowerCase().includes(needle)),
  );
  return rows.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

export const localProject = (id: string) => db().projects.get(id);

/** A project's analytics from the images on the device (what GET /api/projects/:id/stats answers online). */
export async function localProjectStats(id: string): Promise<ProjectStats | undefined> {
  if (!(await db().projects.get(id))) return undefined;
  const rows = (await db().images.where("projectId").equals(id).toArray()).filter((i) => !i.deletedAt);
  const models = new Map<string, number>();
  const days = new Map<string, number>();
  for (const r of rows) {
    models.set(r.modelId, (models.get(r.modelId) ?? 0) + 1);
    const day = r.createdAt.slice(0, 10);
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return {
    imageCount: rows.length,
    generations: new Set(rows.map((r) => r.jobId ?? r.id)).size,
    costCredits: rows.reduce((sum, r) => sum + r.costCredits, 0),
    models: [...models].map(([modelId, count]) => ({ modelId, count })).sort((a, b) => b.count - a.count),
    overTime: [...days].map(([day, count]) => ({ day, count })).sort((a, b) => (a.day < b.day ? -1 : 1)),
  };
}

/** The settings and generation defaults the last pull brought (undefined before the first one). */
export const localSettings = async () => (await db().syncMeta.get("sync"))?.settings;
