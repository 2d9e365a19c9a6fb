import { type AnyPgColumn, boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, syncVersion, updatedAt } from "./_helpers";
import { users } from "./auth";
import { images } from "./images";

export const collections = pgTable(
  "collections",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    coverImageId: uuid("cover_image_id").references((): AnyPgColumn => images.id, { onDelete: "set null" }),
    isPublic: boolean("is_public").notNull().default(false),
    /** Smart collection: a saved gallery filter; null for a hand-curated collection. */
    smartFilter: jsonb("smart_filter").$type<Record<string, unknown> | null>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: syncVersion(),
  },
  (t) => [index("collections_user_idx").on(t.userId, t.updatedAt.desc()), index("collections_user_version_idx").on(t.userId, t.version)],
);

export const collectionImages = pgTable(
  "collection_images",
  {
    collectionId: uuid("collection_id")
      .notNull()
      .references(() => collections.id, { onDelete: "cascade" }),
    imageId: uuid("image_id")
      .notNull()
      .references(() => images.id, { onDelete: "cascade" }),
    /** Fractional rank (base-62 string) so a move rewrites one row. */
    position: text("position").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.collectionId, t.imageId] }),
    index("collection_images_position_idx").on(t.collectionId, t.position),
    index("collection_images_image_idx").on(t.imageId),
  ],
);
