import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
  check,
} from "drizzle-orm/pg-core";
import { createdAt, id, syncVersion, updatedAt } from "./_helpers";
import { users } from "./auth";
import { projects } from "./projects";

export type ImageParameters = Record<string, unknown> & { seed?: number };
export type ImageMetadata = Record<string, unknown>;

export const images = pgTable(
  "images",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "set null" }),
    /** Object key of the original in storage (file_path in the seed). */
    filePath: text("file_path").notNull(),
    /** API URL of the original (never a presigned or provider URL). */
    fileUrl: text("file_url").notNull(),
    thumbnailUrl: text("thumbnail_url"),
    /** ThumbHash of the image, base64, for blur-up placeholders. */
    thumbhash: text("thumbhash"),
    /** 64-bit perceptual hash (dHash) as 16 hex chars, for duplicate detection. */
    phash: text("phash"),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    fileSize: integer("file_size").notNull(),
    format: text("format").notNull(),
    /** "image" or "video" (image-to-video results: the original is the clip, the variants come from its poster). */
    mediaType: text("media_type").$type<"image" | "video">().notNull().default("image"),
    /** Videos: length in seconds. */
    durationSeconds: doublePrecision("duration_seconds"),
    prompt: text("prompt").notNull().default(""),
    negativePrompt: text("negative_prompt").notNull().default(""),
    modelId: text("model_id").notNull(),
    modelVersion: text("model_version"),
    parameters: jsonb("parameters").$type<ImageParameters>().notNull().default({}),
    /** Seconds. */
    generationTime: doublePrecision("generation_time"),
    costCredits: integer("cost_credits").notNull().default(0),
    parentImageId: uuid("parent_image_id").references((): AnyPgColumn => images.id, { onDelete: "set null" }),
    /** How this image was made: text-to-image, variation, upscale, upload, … */
    operation: text("operation").notNull().default("text-to-image"),
    jobId: uuid("job_id"),
    /** The team member who made it in the owner's shared project (they paid); null when the owner made it. */
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    isFavorite: boolean("is_favorite").notNull().default(false),
    rating: smallint("rating"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    notes: text("notes").notNull().default(""),
    altText: text("alt_text").notNull().default(""),
    metadata: jsonb("metadata").$type<ImageMetadata>().notNull().default({}),
    /** Published to the owner's public gallery and the community page. */
    isPublic: boolean("is_public").notNull().default(false),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    version: syncVersion(),
    /**
     * The gallery tile's JSON text, written by the database itself on every insert and update (the `images_tile_json`
     * trigger of migration 0021, from `modules/images/images.tile-json.ts`); null where PostgreSQL could not write
     * it exactly as JavaScript would. Never set it from the app: the trigger overwrites it.
     */
    tileJson: text("tile_json"),
  },
  (t) => [
    index("images_user_created_idx").on(t.userId, t.createdAt.desc(), t.id.desc()),
    index("images_project_idx").on(t.projectId),
    index("images_favorite_created_idx").on(t.isFavorite, t.createdAt.desc()),
    index("images_tags_gin").using("gin", t.tags),
    index("images_parent_idx").on(t.parentImageId),
    index("images_user_version_idx").on(t.userId, t.version),
    index("images_user_model_idx").on(t.userId, t.modelId),
    index("images_prompt_trgm").using("gin", sql`${t.prompt} gin_trgm_ops`),
    index("images_user_phash_idx").on(t.userId, t.phash),
    // "Is this stored original still used by another row?" (duplicated projects share originals).
    index("images_user_file_idx").on(t.userId, t.filePath),
    index("images_published_idx").on(t.publishedAt.desc(), t.id.desc()).where(sql`${t.isPublic} AND ${t.deletedAt} IS NULL`),
    index("images_user_media_idx").on(t.userId, t.mediaType),
    check("images_media_type", sql`${t.mediaType} IN ('image', 'video')`),
    check("images_rating_range", sql`${t.rating} IS NULL OR (${t.rating} BETWEEN 1 AND 5)`),
  ],
);
