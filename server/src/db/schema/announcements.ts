import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./_helpers";
import { users } from "./auth";

/** Admin-posted news about one model (new model, update, deprecation, maintenance), shown on its page. */
export const modelAnnouncements = pgTable(
  "model_announcements",
  {
    id: id(),
    /** The catalog id (`fal-ai/flux/dev`, `local/sketch`). */
    modelId: text("model_id").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    authorEmail: text("author_email").notNull(),
    /** Users told about it (those who had used the model). */
    notified: integer("notified").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("model_announcements_model_created_idx").on(t.modelId, t.createdAt.desc())],
);

/** Sample images a model made on this install from the fixed sample prompts (made once, kept). */
export const modelSamples = pgTable(
  "model_samples",
  {
    id: id(),
    modelId: text("model_id").notNull(),
    prompt: text("prompt").notNull(),
    storageKey: text("storage_key").notNull(),
    contentType: text("content_type").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("model_samples_model_prompt_idx").on(t.modelId, t.prompt)],
);
