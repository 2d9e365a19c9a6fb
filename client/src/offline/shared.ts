import type { SyncMutation, SyncSharedImages, SyncSharedProject } from "@image-studio/shared";
import { ApiError } from "@/lib/api";
import { rebase } from "./apply";
import { db, type LocalImage, type OfflineDB, type SharedState } from "./db";
import { unsaveGallery, savedKey } from "./saved";

/**
 * Projects teammates shared with the user, in the device's copy (docs/decisions/sync-protocol.md, "Shared
 * projects"). The pull's last page lists them with a fingerprint — live image count and highest live image
 * version — and a project whose fingerprint moved since the device last read it is read again from
 * GET /api/sync/shared/:id: the images changed after the stored cursor, then the ids of all live ones, so images
 * moved out or trashed leave the device. A project no longer listed (unshared, or the user left the team) goes with
 * its images, its cached files and its "available offline" mark. Shared rows carry `shared` so the user's own views
 * (gallery, favourites, projects list) leave them out; the project page and the image page read them as usual.
 */

export type ReadShared = (projectId: string, after: string | undefined) => Promise<SyncSharedImages>;

async function sharedStates(): Promise<Record<string, SharedState>> {
  return (await db().syncMeta.get("sync"))?.shared ?? {};
}

async function setState(projectId: string, state: SharedState | null) {
  const d = db();
  await d.transaction("rw", d.syncMeta, async () => {
    const row = (await d.syncMeta.get("sync")) ?? { key: "sync" as const };
    const shared = { ...row.shared };
    if (state) shared[projectId] = state;
    else delete shared[projectId];
    await d.syncMeta.put({ ...row, shared });
  });
}

/** Removes images from the device with every file it keeps of them. */
async function dropImages(ids: string[]) {
  const d = db();
  if (!ids.length) return;
  await d.transaction("rw", d.images, d.blobs, async () => {
    await d.images.bulkDelete(ids);
    await d.blobs.where("imageId").anyOf(ids).delete();
  });
}

/** A project the user can no longer reach: the project, its images, files and saved mark leave the device. */
export async function dropSharedProject(projectId: string) {
  const d = db();
  await unsaveGallery(savedKey("project", projectId));
  const ids = (await d.images.where("projectId").equals(projectId).toArray()).filter((i) => i.shared).map((i) => i.id);
  await dropImages(ids);
  await d.projects.delete(projectId);
  await setState(projectId, null);
}

/** Writes one page of a shared project's images (pending local edits laid over them again). */
async function applySharedPage(projectId: string, page: SyncSharedImages) {
  const d = db();
  await d.transaction("rw", [...d.dataTables, d.outbox], async () => {
    if (page.images.length) await d.images.bulkPut(page.images.map((i): LocalImage => ({ ...i, shared: true })));
    await rebase(page.images.map((i) => `image:${i.id}`));
  });
  if (!page.imageIds) return;
  const live = new Set(page.imageIds);
  const gone = (await d.images.where("projectId").equals(projectId).toArray()).filter((i) => i.shared && !live.has(i.id)).map((i) => i.id);
  await dropImages(gone);
}

/** Reads a shared project's images again from `after` until the last page. Returns rows written. */
async function readProject(projectId: string, after: string | undefined, read: ReadShared): Promise<number> {
  let cursor = after;
  let written = 0;
  for (;;) {
    const page = await read(projectId, cursor);
    await applySharedPage(projectId, page);
    written += page.images.length;
    cursor = page.cursor;
    if (!page.hasMore) {
      await setState(projectId, { cursor: page.cursor, imageCount: page.imageIds?.length ?? 0 });
      return written;
    }
  }
}

/** Brings the device's shared projects in line with the pull's list. Returns rows written or removed. */
export async function syncShared(list: SyncSharedProject[], read: ReadShared): Promise<number> {
  const d = db();
  const listed = new Set(list.map((s) => s.project.id));
  const held = (await d.projects.toArray()).filter((p) => p.shared);
  let changed = 0;
  for (const p of held) {
    if (listed.has(p.id)) continue;
    await dropSharedProject(p.id);
    changed += 1;
  }
  const states = await sharedStates();
  for (const { project, imagesVersion } of list) {
    await d.projects.put(project);
    const state = states[project.id];
    const moved = !state || imagesVersion > Number(state.cursor) || project.imageCount !== state.imageCount;
    if (moved) changed += await readProject(project.id, state?.cursor, read);
  }
  return changed;
}

const imageIdsOf = (m: SyncMutation): string[] =>
  m.type === "image.update" ? [m.imageId] : m.type === "image.trash" || m.type === "image.restore" || m.type === "image.move" || m.type === "collection.addImages" ? m.imageIds : [];

/**
 * Before a change is queued: a teammate's image takes only what the user's role allows online through sync — an
 * editor's (or admin's) metadata edits; a viewer's copy is read-only, and moving, trashing, favouriting or
 * collecting a teammate's image stays with its owner. Refused here with the reason, rather than queued and
 * refused by the server later.
 */
export async function assertAllowed(d: OfflineDB, m: SyncMutation) {
  const ids = imageIdsOf(m);
  if (!ids.length) return;
  const shared = (await d.images.bulkGet(ids)).filter((r): r is LocalImage => !!r?.shared);
  if (!shared.length) return;
  const projects = await d.projects.bulkGet(shared.map((r) => r.projectId ?? ""));
  if (projects.some((p) => !p?.shared || p.shared.role === "viewer")) {
    throw new ApiError(403, "FORBIDDEN", "You can view this shared project but not change it (you're a viewer).");
  }
  if (m.type !== "image.update" || m.patch.isFavorite !== undefined || m.patch.projectId !== undefined) {
    throw new ApiError(403, "FORBIDDEN", "Only the project's owner can do that with a shared image.");
  }
}
