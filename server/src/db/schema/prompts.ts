import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, syncVersion, updatedAt } from "./_helpers";
import { users } from "./auth";
import { images } from "./images";

export const prompts = pgTable(
  "prompts",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    promptText: text("prompt_text").notNull(),
    negativePrompt: text("negative_prompt").notNull().default(""),
    category: text("category"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    isFavorite: boolean("is_favorite").notNull().default(false),
    isPublic: boolean("is_public").notNull().default(false),
    isTemplate: boolean("is_template").notNull().default(false),
    usageCount: integer("usage_count").notNull().default(0),
    /** Named values of a template's `{variables}`: `{ animal: ["cat", "dog"] }`. */
    variables: jsonb("variables").$type<Record<string, string[]>>().notNull().default({}),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    /** Community prompts: when it was published (null = private) and the picture shown with it. */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    exampleImageId: uuid("example_image_id").references(() => images.id, { onDelete: "set null" }),
    /** The public prompt this one was copied from (no FK: the original may go). */
    copiedFromId: uuid("copied_from_id"),
    copyCount: integer("copy_count").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: syncVersion(),
  },
  (t) => [
    index("prompts_user_favorite_idx").on(t.userId, t.isFavorite),
    index("prompts_user_version_idx").on(t.userId, t.version),
    index("prompts_text_trgm").using("gin", sql`${t.promptText} gin_trgm_ops`),
    index("prompts_public_idx").on(t.isPublic, t.publishedAt.desc()),
  ],
);

/** Users' stars on community prompts (their own prompts use `is_favorite`). */
export const promptStars = pgTable(
  "prompt_stars",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    promptId: uuid("prompt_id")
      .notNull()
      .references(() => prompts.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.promptId] }), index("prompt_stars_prompt_idx").on(t.promptId)],
);
