import { z } from "zod";
import { imageDetailSchema } from "./images";
import { projectSchema } from "./projects";
import { TEAM_ROLE_VALUES } from "./teams";

/**
 * Projects shared with the caller through a team, in the offline copy (docs/decisions/sync-protocol.md, "Shared
 * projects"). The owner's rows carry the owner's versions, which a member's cursor cannot follow (a project shared
 * today brings images with old versions), so the last page of a pull lists every project shared with the caller
 * with a fingerprint of its live images, and the device re-reads a project's images — only those changed since it
 * last read them, plus the ids of all — from GET /api/sync/shared/:id when the fingerprint moved. A project missing
 * from the list (unshared, or the caller left the team) leaves the device with its images.
 */

export const sharedMarkSchema = z.object({
  ownerId: z.uuid(),
  ownerName: z.string(),
  /** The caller's strongest role through the teams sharing the project. */
  role: z.enum(TEAM_ROLE_VALUES),
});
export type SharedMark = z.infer<typeof sharedMarkSchema>;

/** A shared project as a member's device keeps it: the project with how it is shared. */
export const sharedProjectCopySchema = projectSchema.extend({ shared: sharedMarkSchema });
export type SharedProjectCopy = z.infer<typeof sharedProjectCopySchema>;

export const syncSharedProjectSchema = z.object({
  project: sharedProjectCopySchema,
  /** The highest version among the project's live images (0 when it has none); with `project.imageCount`, the fingerprint. */
  imagesVersion: z.number().int(),
});
export type SyncSharedProject = z.infer<typeof syncSharedProjectSchema>;

export const SYNC_SHARED_LIMIT_DEFAULT = 500;
export const SYNC_SHARED_LIMIT_MAX = 2000;

export const syncSharedQuerySchema = z.object({
  /** The version the device last read this project's images up to; absent = all of them. */
  after: z
    .string()
    .regex(/^\d{1,19}$/, "after must be a version number")
    // PostgreSQL's bigint maximum: a larger one was never handed out (and cannot be compared).
    .refine((v) => !/^\d+$/.test(v) || BigInt(v) <= 9_223_372_036_854_775_807n, "after: not a version this server handed out")
    .optional(),
  limit: z.coerce.number().int().min(1).max(SYNC_SHARED_LIMIT_MAX).default(SYNC_SHARED_LIMIT_DEFAULT),
});
export type SyncSharedQuery = z.input<typeof syncSharedQuerySchema>;

export const syncSharedImagesSchema = z.object({
  /** Live images of the project changed after `after`, in version order. */
  images: z.array(imageDetailSchema),
  /** Every live image of the project, on the last page only (null before): the device drops the others it holds. */
  imageIds: z.array(z.uuid()).nullable(),
  /** Pass back as `after`. */
  cursor: z.string(),
  hasMore: z.boolean(),
});
export type SyncSharedImages = z.infer<typeof syncSharedImagesSchema>;
