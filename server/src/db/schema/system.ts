import { bigint, index, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./_helpers";
import { users } from "./auth";

/** Deletions the sync pull reports to clients (tombstones), ordered by the shared sync version. */
export const tombstones = pgTable(
  "tombstones",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    entity: text("entity").notNull(),
    entityId: uuid("entity_id").notNull(),
    version: bigint("version", { mode: "number" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("tombstones_user_version_idx").on(t.userId, t.version)],
);

/** Sync push idempotency: a mutation id seen once is answered from here on replay. */
export const processedMutations = pgTable(
  "processed_mutations",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mutationId: text("mutation_id").notNull(),
    result: jsonb("result").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.mutationId] })],
);

/** The dev mailbox: mail sent when no SMTP is configured, readable at /dev/mailbox. */
export const devMail = pgTable(
  "dev_mail",
  {
    id: id(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("dev_mail_created_idx").on(t.createdAt.desc())],
);

/** Key/value facts about this installation (e.g. whether the first admin was made). */
export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
});
