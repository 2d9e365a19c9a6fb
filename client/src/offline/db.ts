import type { ImageDetail, Job, Project, Prompt, SharedMark, SyncCollection, SyncMutation, UserSettings } from "@image-studio/shared";
import { Dexie, type Table } from "dexie";
import { imageSortKeys, sortKeysOf } from "./sort-keys";

/**
 * The device's copy of the user's library (IndexedDB through Dexie). No React in here: the UI reads it through
 * the helpers in this folder. Versions are append-only, like server migrations: never edit a shipped
 * `version(n).stores(...)`, add `version(n + 1)` with an upgrade instead.
 */

export const DB_NAME = "image-studio";

/** A cached file of an image. `pins` says who needs it kept: saved galleries ("project:<id>", "collection:<id>"). */
export interface BlobRow {
  key: string; // `${imageId}:${variant}`
  imageId: string;
  variant: string;
  blob: Blob;
  size: number;
  savedAt: number;
  /** Why the blob is kept; empty = evictable (automatic favourites / recent cache). */
  pins: string[];
}

export type OutboxStatus = "pending" | "failed";

export interface OutboxEntry {
  seq?: number;
  /** The mutation id: client-minted, the server's idempotency key. */
  id: string;
  mutation: SyncMutation;
  status: OutboxStatus;
  /** "image:<id>", "collection:<id>"… the entities the change touches (for re-applying after a pull). */
  entities: string[];
  createdAt: number;
  attempts: number;
  /** A failed entry keeps the server's verdict until the user dismisses it. */
  result?: "rejected" | "conflict";
  error?: { code: string; message: string };
}

export interface SyncMetaRow {
  key: "sync";
  cursor?: string;
  lastSyncedAt?: number;
  lastError?: string | null;
  /** Entities to fetch again from the server (a refused change is reverted by re-pulling it). */
  refetch?: string[];
  /** The user's settings and generation defaults as last pulled (for screens opened offline). */
  settings?: UserSettings;
  /** Per project shared with the user: how far its images were read, and how many live ones there were (shared.ts). */
  shared?: Record<string, SharedState>;
}

export interface SharedState {
  /** Pass back as `after` to GET /api/sync/shared/:id. */
  cursor: string;
  imageCount: number;
}

/** A project as the device keeps it; `shared` marks one a teammate shared with the user (owner, the user's role). */
export type LocalProject = Project & { shared?: SharedMark };
/** An image as the device keeps it; `shared` marks one of a project shared with the user (not in their own views). */
export type LocalImage = ImageDetail & { shared?: true };

export interface SessionRow {
  key: "user";
  userId: string;
  email?: string;
  name?: string;
  savedAt: number;
}

export interface SavedGallery {
  /** `project:<id>` or `collection:<id>` (also the pin on its blobs). */
  key: string;
  kind: "project" | "collection";
  id: string;
  name: string;
  imageIds: string[];
  savedAt: number;
  status: "downloading" | "ready" | "error";
  /** Bytes of the files it pins on this device. */
  bytes: number;
  /** Originals kept too (else thumbnails and 1280 px display copies). Saved before this existed: originals. */
  originals?: boolean;
  error?: string;
}

/** A job as the device keeps it; `offline` marks a generation queued here and not yet sent. */
export type LocalJob = Job & { offline?: boolean };

export class OfflineDB extends Dexie {
  images!: Table<LocalImage, string>;
  projects!: Table<LocalProject, string>;
  collections!: Table<SyncCollection, string>;
  prompts!: Table<Prompt, string>;
  jobs!: Table<LocalJob, string>;
  blobs!: Table<BlobRow, string>;
  outbox!: Table<OutboxEntry, number>;
  syncMeta!: Table<SyncMetaRow, string>;
  session!: Table<SessionRow, string>;
  saved!: Table<SavedGallery, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      images: "id, createdAt, projectId, version, *tags",
      projects: "id, version",
      collections: "id, version",
      prompts: "id, version",
      jobs: "id, status, createdAt, clientId",
      blobs: "key, imageId, savedAt, *pins",
      outbox: "++seq, &id, status, *entities",
      syncMeta: "key",
      session: "key",
      saved: "key, kind, savedAt",
    });
    // v2: a project's images newest-first without reading the whole project (the local gallery's project view).
    // Rows without a project (null) are not in it: IndexedDB leaves out entries with an invalid key part.
    this.version(2).stores({
      images: "id, createdAt, projectId, version, *tags, [projectId+createdAt]",
    });
    // v3: the gallery sorted by prompt or rating walks an index (a page costs the same at 1,000 or 100,000 images).
    // Rows carry their sort keys (sort-keys.ts keeps them on every write); the upgrade adds them to stored rows.
    this.version(3)
      .stores({
        images: "id, createdAt, projectId, version, *tags, [projectId+createdAt], [sortPrompt+createdAt], [sortRating+createdAt]",
      })
      .upgrade((tx) =>
        tx
          .table("images")
          .toCollection()
          .modify((row: ImageDetail) => Object.assign(row, sortKeysOf(row))),
      );
    this.use(imageSortKeys);
  }

  /** Tables that hold the library (everything but the outbox, the session and sync bookkeeping). */
  get dataTables() {
    return [this.images, this.projects, this.collections, this.prompts, this.jobs];
  }
}

let instance: OfflineDB | null = null;

/** The one database of this page (or service worker). */
export function db(): OfflineDB {
  instance ??= new OfflineDB();
  return instance;
}

/** Tests: a fresh database per test. */
export function setDatabase(next: OfflineDB | null) {
  instance = next;
}
