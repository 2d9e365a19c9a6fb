import { z } from "zod";
import { BULK_MAX, GALLERY_PAGE_DEFAULT } from "./image-urls";
import { LIMITS } from "./limits";
import { safeDate } from "./safe";
import { IMAGE_ASPECTS, IMAGE_SORTS } from "./url-values";
import { vm } from "./validation-messages";

/** Contracts of the gallery API (/api/images, /api/search/images, /api/usage/storage). */

export { BULK_MAX, GALLERY_PAGE_DEFAULT, IMAGE_VARIANTS, type ImageVariant, imageDownloadUrl, imageFileUrl } from "./image-urls";
export { IMAGE_ASPECTS, type ImageAspect, IMAGE_SORTS, type ImageSort } from "./url-values";

/** Query-string booleans: "true" / "1" / "false" / "0". */
const queryBool = z.preprocess((v) => (v === "true" || v === "1" || v === true ? true : v === "false" || v === "0" || v === false ? false : v), z.boolean());

/** A list in a query string: repeated keys and/or comma-separated values. */
const queryList = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess(
    (v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(",")).map((s) => s.trim()).filter(Boolean)),
    z.array(item).max(max).optional(),
  );

const isoDate = safeDate();

export const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.tagMaxLength)
  .regex(/^[^,]+$/, "tags cannot contain commas");

/** Filters shared by the list, the search, exports and bulk downloads. */
export const imageFilterSchema = z.object({
  q: z.string().trim().max(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  modelId: queryList(z.string().min(1).max(200), 20),
  /** A project id, or "none" for images outside any project. */
  projectId: z.union([z.uuid(), z.literal("none")]).optional(),
  collectionId: z.uuid().optional(),
  /** Images made by one batch's jobs. */
  batchId: z.uuid().optional(),
  /** Images carrying every one of these tags. */
  tags: queryList(tagSchema, 20),
  favorite: queryBool.optional(),
  aspect: z.enum(IMAGE_ASPECTS).optional(),
  minWidth: z.coerce.number().int().min(1).max(100_000).optional(),
  minHeight: z.coerce.number().int().min(1).max(100_000).optional(),
  minMegapixels: z.coerce.number().min(0).max(1000).optional(),
  minRating: z.coerce.number().int().min(1).max(5).optional(),
  unrated: queryBool.optional(),
  hasParent: queryBool.optional(),
  /** Only images or only videos (image-to-video results). */
  mediaType: z.enum(["image", "video"]).optional(),
  /** Images in the trash instead of the live gallery. */
  trash: queryBool.optional(),
});
export type ImageFilter = z.output<typeof imageFilterSchema>;

export const imageListQuerySchema = imageFilterSchema.extend({
  sort: z.enum(IMAGE_SORTS).default("date"),
  order: z.enum(["asc", "desc"]).default("desc"),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(GALLERY_PAGE_DEFAULT),
});
export type ImageListQuery = z.output<typeof imageListQuerySchema>;
export type ImageListQueryInput = z.input<typeof imageListQuerySchema>;

/** One tile of the gallery: enough to lay out, blur-up, badge and open it. */
export const imageSummarySchema = z.object({
  id: z.uuid(),
  projectId: z.uuid().nullable(),
  prompt: z.string(),
  altText: z.string(),
  modelId: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  fileSize: z.number().int(),
  format: z.string(),
  /** "video": the original is a clip (MP4 or animated WebP); thumbnails and previews come from its poster frame. */
  mediaType: z.enum(["image", "video"]),
  durationSeconds: z.number().nullable(),
  thumbhash: z.string().nullable(),
  isFavorite: z.boolean(),
  rating: z.number().int().nullable(),
  tags: z.array(z.string()),
  parentImageId: z.uuid().nullable(),
  operation: z.string(),
  createdAt: z.string(),
  deletedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ImageSummary = z.infer<typeof imageSummarySchema>;

export const imageListSchema = z.object({ items: z.array(imageSummarySchema), nextCursor: z.string().nullable() });
export type ImageList = z.infer<typeof imageListSchema>;

export const imageDetailSchema = imageSummarySchema.extend({
  negativePrompt: z.string(),
  modelVersion: z.string().nullable(),
  parameters: z.record(z.string(), z.unknown()),
  seed: z.number().nullable(),
  generationTime: z.number().nullable(),
  costCredits: z.number(),
  jobId: z.uuid().nullable(),
  notes: z.string(),
  isPublic: z.boolean(),
  phash: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  updatedAt: z.string(),
  projectName: z.string().nullable(),
  /** The team member who made it in its owner's shared project ("Made by"); null/absent when the owner did. */
  madeBy: z.object({ id: z.uuid(), name: z.string() }).nullable().optional(),
  urls: z.object({ original: z.string(), thumb: z.string(), preview: z.string(), download: z.string() }),
});
export type ImageDetail = z.infer<typeof imageDetailSchema>;

const tagList = z
  .array(tagSchema)
  .max(LIMITS.tagsPerImage)
  .transform((t) => [...new Set(t)]);

export const imageUpdateSchema = z
  .object({
    tags: tagList.optional(),
    rating: z.number().int().min(1).max(5).nullable().optional(),
    notes: z.string().max(LIMITS.descriptionMaxLength).optional(),
    altText: z.string().max(1000).optional(),
    projectId: z.uuid().nullable().optional(),
    isFavorite: z.boolean().optional(),
    /** The version the client edited; a different current version answers 409. */
    version: z.number().int().optional(),
  })
  .strict();
export type ImageUpdate = z.input<typeof imageUpdateSchema>;

/** Sets the favourite flag to the given value (no toggle: replays and concurrent requests end in the state asked for). */
export const favoriteRequestSchema = z.object({ favorite: z.boolean() }).strict();
export const rateRequestSchema = z.object({ rating: z.number().int().min(1).max(5).nullable() });

const imageIds = z
  .array(z.uuid())
  .min(1, vm("common.selectAtLeastOneImage"))
  .max(BULK_MAX, vm("library.atMostImages", { max: BULK_MAX }))
  .transform((ids) => [...new Set(ids.map((i) => i.toLowerCase()))]);

export const bulkIdsSchema = z.object({ imageIds });
export const bulkMoveSchema = z.object({ imageIds, projectId: z.uuid().nullable() });
export const bulkTagSchema = z
  .object({ imageIds, add: z.array(tagSchema).max(LIMITS.tagsPerImage).default([]), remove: z.array(tagSchema).max(LIMITS.tagsPerImage).default([]) })
  .refine((b) => b.add.length + b.remove.length > 0, vm("library.tagsAddOrRemove"));
export const bulkFavoriteSchema = z.object({ imageIds, favorite: z.boolean() });
export const bulkResultSchema = z.object({ affected: z.array(z.uuid()) });
export type BulkResult = z.infer<typeof bulkResultSchema>;

export const EXPORT_FORMATS = ["json", "csv"] as const;
/** Body of POST /api/images/metadata/export and /api/images/bulk-download (JSON or an HTML form). */
export const exportRequestSchema = z.object({
  imageIds: z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), imageIds),
  format: z.enum(EXPORT_FORMATS).default("json"),
});

export const imageMetadataSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  prompt: z.string(),
  negativePrompt: z.string(),
  modelId: z.string(),
  modelVersion: z.string().nullable(),
  operation: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  seed: z.number().nullable(),
  width: z.number(),
  height: z.number(),
  format: z.string(),
  fileSize: z.number(),
  generationTime: z.number().nullable(),
  costCredits: z.number(),
  parentImageId: z.uuid().nullable(),
  projectId: z.uuid().nullable(),
  tags: z.array(z.string()),
  rating: z.number().nullable(),
  isFavorite: z.boolean(),
  notes: z.string(),
  altText: z.string(),
  createdAt: z.string(),
});
export type ImageMetadataExport = z.infer<typeof imageMetadataSchema>;

export const commentTextSchema = z.object({ text: z.string().trim().min(1, vm("library.commentRequired")).max(LIMITS.commentMaxLength) });
export const commentSchema = z.object({
  id: z.uuid(),
  imageId: z.uuid(),
  authorName: z.string(),
  text: z.string(),
  isOwn: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImageComment = z.infer<typeof commentSchema>;

export const similarImageSchema = imageSummarySchema.extend({ distance: z.number().int() });
export type SimilarImage = z.infer<typeof similarImageSchema>;
export const relatedImagesSchema = z.object({
  parent: imageSummarySchema.nullable(),
  children: z.array(imageSummarySchema),
  siblings: z.array(imageSummarySchema),
  samePrompt: z.array(imageSummarySchema),
  similar: z.array(similarImageSchema),
});
export type RelatedImages = z.infer<typeof relatedImagesSchema>;

export const DUPLICATE_THRESHOLD_MAX = 6;
export const duplicatesQuerySchema = z.object({
  threshold: z.coerce.number().int().min(0).max(DUPLICATE_THRESHOLD_MAX).default(4),
  cursor: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const duplicateGroupSchema = z.object({ id: z.string(), items: z.array(similarImageSchema) });
export type DuplicateGroup = z.infer<typeof duplicateGroupSchema>;
export const duplicatesSchema = z.object({ groups: z.array(duplicateGroupSchema), totalGroups: z.number().int(), nextCursor: z.number().int().nullable() });
export type Duplicates = z.infer<typeof duplicatesSchema>;

export const TRASH_RETENTION_CHOICES = [7, 14, 30, 60, 90] as const;
export const trashSettingsSchema = z.object({ autoDeleteDays: z.number().int().min(1).max(3650).nullable() });
export type TrashSettings = z.infer<typeof trashSettingsSchema>;

const usageRow = z.object({ bytes: z.number(), count: z.number().int() });
export const storageUsageSchema = z.object({
  total: usageRow,
  trash: usageRow,
  byProject: z.array(usageRow.extend({ projectId: z.uuid().nullable(), projectName: z.string().nullable() })),
  byModel: z.array(usageRow.extend({ modelId: z.string() })),
  /** Live images and videos counted apart (videos are larger). */
  byMediaType: z.array(usageRow.extend({ mediaType: z.enum(["image", "video"]) })),
  /** Uploaded sources, masks and style references not yet expired. */
  uploads: usageRow,
  /** Bytes counted against the quota: images (live and in the trash) and uploads. */
  used: z.number(),
  /** The user's storage quota in bytes; null = unlimited. */
  quota: z.number().nullable(),
});
export type StorageUsage = z.infer<typeof storageUsageSchema>;

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, vm("common.searchRequired")).max(200),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});

/** What the filter sidebar and the move dialog offer: the user's models, tags, projects and collections. */
export const imageFacetsSchema = z.object({
  models: z.array(z.object({ modelId: z.string(), count: z.number().int() })),
  tags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
  projects: z.array(z.object({ id: z.uuid(), name: z.string(), count: z.number().int() })),
  collections: z.array(z.object({ id: z.uuid(), name: z.string(), count: z.number().int() })),
  total: z.number().int(),
  favorites: z.number().int(),
  trash: z.number().int(),
});
export type ImageFacets = z.infer<typeof imageFacetsSchema>;
