import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./_helpers";
import { users } from "./auth";
import { images } from "./images";
import { generationQueue } from "./queue";

export const usageLogs = pgTable(
  "usage_logs",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    imageId: uuid("image_id").references(() => images.id, { onDelete: "set null" }),
    jobId: uuid("job_id").references(() => generationQueue.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    modelId: text("model_id"),
    creditsUsed: integer("credits_used").notNull().default(0),
    generationTime: doublePrecision("generation_time"),
    success: boolean("success").notNull(),
    errorMessage: text("error_message"),
    createdAt: createdAt(),
  },
  (t) => [index("usage_logs_user_created_idx").on(t.userId, t.createdAt.desc())],
);

/** Every change of a credit balance, so the balance can be explained and audited. */
export const creditTransactions = pgTable(
  "credit_transactions",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    jobId: uuid("job_id").references(() => generationQueue.id, { onDelete: "set null" }),
    /** grant | hold | charge | refund | adjust */
    kind: text("kind").notNull(),
    amount: integer("amount").notNull(),
    balanceAfter: integer("balance_after").notNull(),
    note: text("note"),
    meta: jsonb("meta").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("credit_transactions_user_created_idx").on(t.userId, t.createdAt.desc())],
);
