import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, syncVersion, updatedAt } from "./_helpers";
import { users } from "./auth";

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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: syncVersion(),
  },
  (t) => [
    index("prompts_user_favorite_idx").on(t.userId, t.isFavorite),
    index("prompts_user_version_idx").on(t.userId, t.version),
    index("prompts_text_trgm").using("gin", sql`${t.promptText} gin_trgm_ops`),
  ],
);
