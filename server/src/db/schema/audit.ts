import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./_helpers";
import { users } from "./auth";

/** Every administrative action (and other privileged changes), shown in the admin console. Append-only. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    /** Who did it; null once that account is deleted (the entry stays). */
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorEmail: text("actor_email").notNull(),
    /** Dotted verb, e.g. `user.ban`, `credits.grant`, `model.disable`, `code.create`. */
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    requestId: text("request_id"),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_created_idx").on(t.createdAt.desc()), index("audit_log_target_idx").on(t.targetType, t.targetId)],
);
