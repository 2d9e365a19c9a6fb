import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./_helpers";
import { users } from "./auth";

/**
 * A user's upload (img2img source, mask, style reference) — the bytes live at `storage_key`. The row makes
 * uploads count towards the storage quota and lets unused ones expire (UPLOAD_TTL_HOURS) with their bytes.
 */
export const uploads = pgTable(
  "uploads",
  {
    /** The uploadId the client was given. */
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    storageKey: text("storage_key").notNull(),
    byteSize: integer("byte_size").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    format: text("format").notNull(),
    purpose: text("purpose").notNull(),
    createdAt: createdAt(),
    /** The last time a job was queued with it (expiry counts from here). */
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("uploads_user_idx").on(t.userId), index("uploads_last_used_idx").on(t.lastUsedAt)],
);
