import { z } from "zod";

/**
 * The per-user archive: `manifest.json` (this schema) plus `images/<id>.<ext>` originals — for a video the clip
 * (`.mp4`, or an animated `.webp`) and its poster frame as `posters/<id>.webp`. It is what
 * POST /api/account/export writes and POST /api/account/import reads, in this install or another one.
 * Ids inside refer to each other (an image's project, a collection's images); import gives every record a new id.
 */
export const ARCHIVE_FORMAT = "image-studio-archive/v1";
export const MANIFEST_NAME = "manifest.json";
export const MANIFEST_MAX_BYTES = 64 * 1024 * 1024;
export const IMAGE_MAX_BYTES = 50 * 1024 * 1024;
/** Largest video clip an archive may carry (clips are read into memory one at a time). */
export const VIDEO_MAX_BYTES = 200 * 1024 * 1024;
/** Largest archive the import takes (the body limit of the route). */
export const IMPORT_MAX_BYTES = 1024 * 1024 * 1024;

const text = (max: number) => z.string().max(max);
const tags = z.array(z.string().max(100)).max(200);
const json = z.record(z.string(), z.unknown());
const when = z.iso.datetime({ offset: true });

export const archivedImageSchema = z.object({
  id: z.uuid(),
  file: z.string().regex(/^images\/[0-9a-f-]{36}\.(png|jpg|webp|mp4)$/),
  /** Fields added for videos; archives written before them describe images only, so they default. */
  mediaType: z.enum(["image", "video"]).default("image"),
  durationSeconds: z
    .number()
    .min(0)
    .max(24 * 3600)
    .nullable()
    .default(null),
  /** A video's poster frame (the still its thumbnails are made from). */
  poster: z
    .string()
    .regex(/^posters\/[0-9a-f-]{36}\.webp$/)
    .nullable()
    .default(null),
  projectId: z.uuid().nullable(),
  parentImageId: z.uuid().nullable(),
  prompt: text(20_000),
  negativePrompt: text(20_000),
  modelId: text(200),
  modelVersion: text(200).nullable(),
  parameters: json,
  generationTime: z.number().nullable(),
  costCredits: z.number().int().min(0),
  operation: text(50),
  isFavorite: z.boolean(),
  rating: z.number().int().min(1).max(5).nullable(),
  tags,
  notes: text(20_000),
  altText: text(2_000),
  metadata: json,
  createdAt: when,
});
export type ArchivedImage = z.infer<typeof archivedImageSchema>;

export const archivedProjectSchema = z.object({
  id: z.uuid(),
  name: text(200),
  description: text(5_000),
  notes: text(20_000),
  tags,
  category: text(100).nullable(),
  isArchived: z.boolean(),
  settings: json,
  coverImageId: z.uuid().nullable(),
  createdAt: when,
});

export const archivedCollectionSchema = z.object({
  id: z.uuid(),
  name: text(200),
  description: text(5_000),
  smartFilter: json.nullable(),
  coverImageId: z.uuid().nullable(),
  images: z.array(z.object({ imageId: z.uuid(), position: text(200) })),
  createdAt: when,
});

export const archivedPromptSchema = z.object({
  id: z.uuid(),
  title: text(200),
  promptText: text(20_000),
  negativePrompt: text(20_000),
  category: text(100).nullable(),
  tags,
  isFavorite: z.boolean(),
  isTemplate: z.boolean(),
  usageCount: z.number().int().min(0),
  createdAt: when,
});

export const archivedSettingsSchema = z.object({
  theme: text(20),
  galleryViewMode: text(20),
  defaultModelId: text(200).nullable(),
  defaultParameters: json,
  settings: json,
});

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  exportedAt: when,
  settings: archivedSettingsSchema.nullable(),
  projects: z.array(archivedProjectSchema),
  collections: z.array(archivedCollectionSchema),
  prompts: z.array(archivedPromptSchema),
  images: z.array(archivedImageSchema),
});
export type Manifest = z.infer<typeof manifestSchema>;
