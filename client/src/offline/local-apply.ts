import type { ImageDetail, Job, SyncCollection, SyncMutation } from "@image-studio/shared";
import type { LocalJob, OfflineDB } from "./db";

/**
 * What a mutation does to the device's copy, before the server has seen it. Deterministic, so it can be
 * replayed on top of fresher server rows (after a pull, or after reverting a refused change).
 */

export type EntityRef = `${"image" | "project" | "collection" | "prompt" | "job"}:${string}`;

/** The entities a mutation touches. */
export function entitiesOf(m: SyncMutation): EntityRef[] {
  switch (m.type) {
    case "image.update":
      return [`image:${m.imageId}`];
    case "image.trash":
    case "image.restore":
    case "image.move":
      return m.imageIds.map((id) => `image:${id}` as const);
    case "project.create":
      return m.project.id ? [`project:${m.project.id}`] : [];
    case "project.update":
      return [`project:${m.projectId}`];
    case "collection.create":
      return m.collection.id ? [`collection:${m.collection.id}`] : [];
    case "collection.update":
    case "collection.delete":
    case "collection.addImages":
    case "collection.removeImage":
    case "collection.reorder":
      return [`collection:${m.collectionId}`];
    case "prompt.create":
      return [`prompt:${m.prompt.id}`];
    case "prompt.update":
    case "prompt.delete":
      return [`prompt:${m.promptId}`];
    case "generation.enqueue":
      return [`job:${m.id}`];
    case "batch.enqueue":
      return []; // touches no entity the device keeps
  }
}

const now = () => new Date().toISOString();

async function editImages(db: OfflineDB, ids: string[], edit: (img: ImageDetail) => ImageDetail) {
  const rows = await db.images.bulkGet(ids);
  const next = rows.filter((r): r is ImageDetail => !!r).map(edit);
  if (next.length) await db.images.bulkPut(next);
}

async function editCollection(db: OfflineDB, id: string, edit: (c: SyncCollection) => SyncCollection) {
  const row = await db.collections.get(id);
  if (row) await db.collections.put(edit(row));
}

/** Fractional positions are the server's business; locally, order is what the items array says. */
const withCount = (c: SyncCollection): SyncCollection => ({ ...c, imageCount: c.items.length, updatedAt: now() });

function applyImageUpdate(db: OfflineDB, m: Extract<SyncMutation, { type: "image.update" }>) {
  const p = m.patch;
  return (async () => {
    const projectName = p.projectId ? ((await db.projects.get(p.projectId))?.name ?? null) : null;
    await editImages(db, [m.imageId], (img) => {
      const next: ImageDetail = { ...img, updatedAt: now() };
      if (p.isFavorite !== undefined) next.isFavorite = p.isFavorite;
      if (p.rating !== undefined) next.rating = p.rating;
      if (p.notes !== undefined) next.notes = p.notes;
      if (p.altText !== undefined) next.altText = p.altText;
      if (p.projectId !== undefined) Object.assign(next, { projectId: p.projectId, projectName });
      if (p.tagsAdd || p.tagsRemove) next.tags = [...new Set([...img.tags.filter((t) => !p.tagsRemove?.includes(t)), ...(p.tagsAdd ?? [])])];
      return next;
    });
  })();
}

function placeholderJob(m: Extract<SyncMutation, { type: "generation.enqueue" }>): LocalJob {
  const r = m.request;
  const job: Job = {
    id: m.id,
    status: "pending",
    operation: "text-to-image",
    modelId: r.modelId,
    prompt: r.prompt,
    negativePrompt: r.negativePrompt ?? "",
    parameters: (r.parameters ?? {}) as Record<string, unknown>,
    projectId: r.projectId ?? null,
    parentImageId: null,
    batchId: null,
    clientId: r.clientId ?? m.id,
    priority: r.priority ?? 0,
    progress: 0,
    imageIds: [],
    errorMessage: null,
    retryCount: 0,
    creditsHeld: 0,
    creditsCharged: 0,
    createdAt: now(),
    startedAt: null,
    completedAt: null,
  };
  return { ...job, offline: true };
}

/** Applies one mutation to the local tables (call inside a read-write transaction over all of them). */
export async function applyLocal(db: OfflineDB, m: SyncMutation): Promise<void> {
  switch (m.type) {
    case "image.update":
      return applyImageUpdate(db, m);
    case "image.trash":
      return editImages(db, m.imageIds, (i) => ({ ...i, deletedAt: i.deletedAt ?? now() }));
    case "image.restore":
      return editImages(db, m.imageIds, (i) => ({ ...i, deletedAt: null }));
    case "image.move": {
      const projectName = m.projectId ? ((await db.projects.get(m.projectId))?.name ?? null) : null;
      return editImages(db, m.imageIds, (i) => ({ ...i, projectId: m.projectId, projectName }));
    }
    case "project.create": {
      const p = m.project;
      if (!p.id) return;
      const at = now();
      await db.projects.put({
        id: p.id,
        name: p.name,
        description: p.description ?? "",
        notes: p.notes ?? "",
        coverImageId: p.coverImageId ?? null,
        effectiveCoverImageId: p.coverImageId ?? null,
        tags: p.tags ?? [],
        category: p.category ?? null,
        settings: (p.settings ?? {}) as never,
        isArchived: false,
        isTemplate: false,
        imageCount: 0,
        costCredits: 0,
        createdAt: at,
        updatedAt: at,
        version: 0,
      });
      return;
    }
    case "project.update": {
      const row = await db.projects.get(m.projectId);
      const { version: _v, ...patch } = m.patch;
      if (row) await db.projects.put({ ...row, ...(patch as object), updatedAt: now() });
      return;
    }
    case "collection.create": {
      const c = m.collection;
      if (!c.id) return;
      const at = now();
      await db.collections.put({
        id: c.id,
        name: c.name,
        description: c.description ?? "",
        coverImageId: c.coverImageId ?? null,
        effectiveCoverImageId: c.coverImageId ?? null,
        smartFilter: (c.smartFilter ?? null) as Record<string, unknown> | null,
        isSmart: !!c.smartFilter,
        imageCount: 0,
        createdAt: at,
        updatedAt: at,
        version: 0,
        items: [],
      });
      return;
    }
    case "collection.update":
      return editCollection(db, m.collectionId, (c) => ({ ...c, ...(m.patch as object), updatedAt: now() }) as SyncCollection);
    case "collection.delete":
      return db.collections.delete(m.collectionId);
    case "collection.addImages":
      return editCollection(db, m.collectionId, (c) => {
        const have = new Set(c.items.map((i) => i.imageId));
        const added = m.imageIds.filter((id) => !have.has(id)).map((imageId) => ({ imageId, position: "" }));
        return withCount({ ...c, items: [...c.items, ...added] });
      });
    case "collection.removeImage":
      return editCollection(db, m.collectionId, (c) => withCount({ ...c, items: c.items.filter((i) => i.imageId !== m.imageId) }));
    case "collection.reorder":
      return editCollection(db, m.collectionId, (c) => {
        const moved = c.items.find((i) => i.imageId === m.imageId);
        if (!moved) return c;
        const rest = c.items.filter((i) => i.imageId !== m.imageId);
        const at = m.afterImageId ? rest.findIndex((i) => i.imageId === m.afterImageId) + 1 : 0;
        return { ...c, items: [...rest.slice(0, at), moved, ...rest.slice(at)] };
      });
    case "prompt.create": {
      const p = m.prompt;
      const at = now();
      await db.prompts.put({
        id: p.id,
        title: p.title,
        promptText: p.promptText,
        negativePrompt: p.negativePrompt ?? "",
        category: p.category ?? null,
        tags: p.tags ?? [],
        isFavorite: p.isFavorite ?? false,
        isTemplate: p.isTemplate ?? false,
        variables: p.variables ?? {},
        isPublic: false,
        exampleImageId: null,
        usageCount: 0,
        lastUsedAt: null,
        createdAt: at,
        updatedAt: at,
        version: 0,
      });
      return;
    }
    case "prompt.update": {
      const row = await db.prompts.get(m.promptId);
      if (row) await db.prompts.put({ ...row, ...(m.patch as object), updatedAt: now() });
      return;
    }
    case "prompt.delete":
      return db.prompts.delete(m.promptId);
    case "generation.enqueue":
      await db.jobs.put(placeholderJob(m));
      return;
    case "batch.enqueue":
      return; // shown from the outbox itself ("queued offline") until the server has it
  }
}
