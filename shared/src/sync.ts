import { z } from "zod";
import { batchRequestSchema } from "./batch";
import { collectionCreateSchema, collectionSchema, collectionUpdateSchema } from "./collections";
import { jobSchema, textToImageRequestSchema } from "./generation";
import { imageDetailSchema, tagSchema } from "./images";
import { LIMITS } from "./limits";
import { projectCreateSchema, projectSchema, projectUpdateSchema } from "./projects";
import { promptCreateSchema, promptSchema, promptUpdateSchema } from "./prompts";
import { userSettingsSchema } from "./settings";
import { syncSharedProjectSchema } from "./sync-shared";
import { vm } from "./validation-messages";

/**
 * Offline sync protocol (GET /api/sync/pull, POST /api/sync/push).
 *
 * Pull: every row the user owns carries a server-assigned `version` from one sequence; a cursor is the highest
 * version a client has seen, and a pull answers rows (and tombstones) with a greater version, in version order,
 * in pages. The server only hands out versions whose transactions have all committed, so a page never skips a
 * row that commits later with a smaller version.
 *
 * Push: a batch of mutations, each with a client-minted `id` (the idempotency key) and, for edits, the
 * `baseVersion` the client last saw. Each is applied in its own transaction; a replayed id answers the first
 * result and changes nothing. Conflict rules: an edit carries only the fields the user changed, so independent
 * fields merge; a trash (delete) wins over an edit made from an older version, unless the image was restored.
 */

export const SYNC_PULL_LIMIT_DEFAULT = 500;
export const SYNC_PULL_LIMIT_MAX = 2000;
export const SYNC_PUSH_MAX = 100;

export const SYNC_ENTITIES = ["image", "project", "collection", "prompt", "job"] as const;
export type SyncEntity = (typeof SYNC_ENTITIES)[number];

/** Cursor: a decimal version (string, so it never loses precision); absent = from the beginning. */
export const syncPullQuerySchema = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, "cursor must be a version number")
    .optional(),
  limit: z.coerce.number().int().min(1).max(SYNC_PULL_LIMIT_MAX).default(SYNC_PULL_LIMIT_DEFAULT),
});
export type SyncPullQuery = z.input<typeof syncPullQuerySchema>;

/** A collection as the device keeps it: hand-curated membership in order (smart collections have none). */
export const syncCollectionSchema = collectionSchema.extend({
  items: z.array(z.object({ imageId: z.uuid(), position: z.string() })),
});
export type SyncCollection = z.infer<typeof syncCollectionSchema>;

export const tombstoneSchema = z.object({ entity: z.enum(SYNC_ENTITIES), id: z.uuid(), version: z.number().int() });
export type Tombstone = z.infer<typeof tombstoneSchema>;

export const syncPullSchema = z.object({
  /** Images, trashed ones included (deletedAt set); purged ones arrive as tombstones. */
  images: z.array(imageDetailSchema),
  projects: z.array(projectSchema),
  collections: z.array(syncCollectionSchema),
  prompts: z.array(promptSchema),
  jobs: z.array(jobSchema),
  /** The user's settings and generation defaults, when they changed in this page (null otherwise). */
  settings: userSettingsSchema.nullable(),
  tombstones: z.array(tombstoneSchema),
  /** Projects shared with the caller through teams, on the last page only (sync-shared.ts). */
  shared: z.array(syncSharedProjectSchema).optional(),
  /** Pass back as `cursor` on the next pull. */
  cursor: z.string(),
  /** More changes wait past this page; pull again at once. */
  hasMore: z.boolean(),
});
export type SyncPull = z.infer<typeof syncPullSchema>;

const uuid = z.uuid().transform((s) => s.toLowerCase());
const ids = z.array(uuid).min(1).max(1000);

/** Only the fields the user changed. Tags travel as add/remove so two devices' tag edits merge. */
export const imagePatchSchema = z
  .object({
    isFavorite: z.boolean().optional(),
    rating: z.number().int().min(1).max(5).nullable().optional(),
    tagsAdd: z.array(tagSchema).max(LIMITS.tagsPerImage).optional(),
    tagsRemove: z.array(tagSchema).max(LIMITS.tagsPerImage).optional(),
    notes: z.string().max(LIMITS.descriptionMaxLength).optional(),
    altText: z.string().max(1000).optional(),
    projectId: uuid.nullable().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, vm("common.changeAtLeastOne"));
export type ImagePatch = z.input<typeof imagePatchSchema>;

const base = {
  /** Client-minted idempotency key (a UUID). */
  id: z.uuid(),
  /** The entity version the change was made against, when the client had one. */
  baseVersion: z.number().int().nullable().optional(),
};

export const syncMutationSchema = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("image.update"), imageId: uuid, patch: imagePatchSchema }),
  z.object({ ...base, type: z.literal("image.trash"), imageIds: ids }),
  z.object({ ...base, type: z.literal("image.restore"), imageIds: ids }),
  z.object({ ...base, type: z.literal("image.move"), imageIds: ids, projectId: uuid.nullable() }),
  z.object({ ...base, type: z.literal("project.create"), project: projectCreateSchema }),
  z.object({ ...base, type: z.literal("project.update"), projectId: uuid, patch: projectUpdateSchema }),
  z.object({ ...base, type: z.literal("collection.create"), collection: collectionCreateSchema }),
  z.object({ ...base, type: z.literal("collection.update"), collectionId: uuid, patch: collectionUpdateSchema }),
  z.object({ ...base, type: z.literal("collection.delete"), collectionId: uuid }),
  z.object({ ...base, type: z.literal("collection.addImages"), collectionId: uuid, imageIds: ids }),
  z.object({ ...base, type: z.literal("collection.removeImage"), collectionId: uuid, imageId: uuid }),
  z.object({ ...base, type: z.literal("collection.reorder"), collectionId: uuid, imageId: uuid, afterImageId: uuid.nullable() }),
  z.object({ ...base, type: z.literal("prompt.create"), prompt: promptCreateSchema }),
  z.object({ ...base, type: z.literal("prompt.update"), promptId: uuid, patch: promptUpdateSchema }),
  z.object({ ...base, type: z.literal("prompt.delete"), promptId: uuid }),
  /** A generation queued offline; `request.clientId` is set to the mutation id by the server when absent. */
  z.object({ ...base, type: z.literal("generation.enqueue"), request: textToImageRequestSchema }),
  /** A batch composed offline; `request.clientId` is set to the mutation id by the server when absent. */
  z.object({ ...base, type: z.literal("batch.enqueue"), request: batchRequestSchema }),
]);
export type SyncMutation = z.input<typeof syncMutationSchema>;
export type SyncMutationType = SyncMutation["type"];

export const syncPushRequestSchema = z.object({ mutations: z.array(z.unknown()).min(1).max(SYNC_PUSH_MAX) });

export const SYNC_RESULT_STATUS = ["applied", "rejected", "conflict"] as const;
export const syncMutationResultSchema = z.object({
  id: z.string(),
  /** applied: done (or done before: a replay). rejected: bad or refused — show it. conflict: lost to a newer change. */
  status: z.enum(SYNC_RESULT_STATUS),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  /** The server version after applying, when the mutation touched one entity. */
  version: z.number().int().optional(),
  /** e.g. the job id of a queued generation. */
  entityId: z.string().optional(),
});
export type SyncMutationResult = z.infer<typeof syncMutationResultSchema>;
export const syncPushSchema = z.object({ results: z.array(syncMutationResultSchema) });
export type SyncPush = z.infer<typeof syncPushSchema>;
