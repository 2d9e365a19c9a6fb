import type { CollectionDetail, ImageDetail, ImageListQueryInput, Project, ProjectStats } from "@image-studio/shared";
import { db } from "./db";
import { isLocalCursor, localImagePage, matches, toSummary } from "./local-gallery";

/** The device's copy read like the server's endpoints (offline, or while the server is away). */

export { isLocalCursor, localImagePage, matches, toSummary };

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
      !p.shared && // projects teammates shared with the user are not in their own list, as online
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
