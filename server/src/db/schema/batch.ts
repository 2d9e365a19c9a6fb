import { sql } from "drizzle-orm";
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./_helpers";
import { users } from "./auth";
import { projects } from "./projects";

/** What the user asked of a batch; whether it ran, runs or is done is read off its jobs. */
export const BATCH_STATES = ["active", "paused", "cancelled"] as const;
export type BatchState = (typeof BATCH_STATES)[number];

/** A batch: many jobs (generation_queue.batch_id) made by one request. Pausing is a row here the claim reads. */
export const generationBatches = pgTable(
  "generation_batches",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Client-minted idempotency key (the offline outbox replays it). */
    clientId: text("client_id"),
    name: text("name").notNull(),
    state: text("state").$type<BatchState>().notNull().default("active"),
    priority: smallint("priority").notNull().default(0),
    /** The batch's place in its owner's queue; its pending jobs carry the same key. */
    sortKey: doublePrecision("sort_key").notNull(),
    modelIds: text("model_ids")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "set null" }),
    total: integer("total").notNull(),
    estimatedCredits: integer("estimated_credits").notNull().default(0),
    /** The request as sent (source, seeds, parameters), for the export's metadata and presets. */
    request: jsonb("request").$type<Record<string, unknown>>().notNull().default({}),
    /** No job of the batch is claimable before this. */
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }),
    /** Set once when the last job ends (cleared by retry-failed, which starts another round). */
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    round: integer("round").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("generation_batches_user_idx").on(t.userId, t.createdAt),
    uniqueIndex("generation_batches_user_client_uq").on(t.userId, t.clientId),
  ],
);

/** Saved batch set-ups (models, parameters, seeds, template…) a user starts from. */
export const batchPresets = pgTable(
  "batch_presets",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    config: jsonb("config").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("batch_presets_user_idx").on(t.userId)],
);
