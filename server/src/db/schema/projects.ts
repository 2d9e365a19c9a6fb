import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, syncVersion, updatedAt } from "./_helpers";
import { users } from "./auth";
import { images } from "./images";

export type ProjectSettings = {
  defaultModelId?: string;
  defaultParameters?: Record<string, unknown>;
  promptStarters?: string[];
  promptPrefix?: string;
};

export const projects = pgTable(
  "projects",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    notes: text("notes").notNull().default(""),
    /** Chosen cover; null means "the latest image". */
    coverImageId: uuid("cover_image_id").references((): AnyPgColumn => images.id, { onDelete: "set null" }),
    settings: jsonb("settings").$type<ProjectSettings>().notNull().default({}),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    category: text("category"),
    isArchived: boolean("is_archived").notNull().default(false),
    isPublic: boolean("is_public").notNull().default(false),
    isTemplate: boolean("is_template").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: syncVersion(),
  },
  (t) => [
    index("projects_user_id_updated_idx").on(t.userId, t.updatedAt.desc()),
    index("projects_user_version_idx").on(t.userId, t.version),
    index("projects_tags_gin").using("gin", t.tags),
  ],
);
