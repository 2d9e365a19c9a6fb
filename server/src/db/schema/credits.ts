import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./_helpers";
import { users } from "./auth";

/** A user's monthly spending limit and low-balance alert (no row: neither). */
export const creditLimits = pgTable("credit_limits", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  monthlyLimit: integer("monthly_limit"),
  lowBalanceAlert: integer("low_balance_alert"),
  updatedAt: updatedAt(),
});

/** Codes an administrator makes; each user may redeem a code once, up to `maxRedemptions` users in all. */
export const creditCodes = pgTable("credit_codes", {
  id: id(),
  /** Stored upper-case; redeeming ignores case. */
  code: text("code").notNull().unique(),
  amount: integer("amount").notNull(),
  maxRedemptions: integer("max_redemptions").notNull(),
  redemptions: integer("redemptions").notNull().default(0),
  expiresAt: timestamp("expires_at", { withTimezone: true }),
  note: text("note").notNull().default(""),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

export const creditCodeRedemptions = pgTable(
  "credit_code_redemptions",
  {
    id: id(),
    codeId: uuid("code_id")
      .notNull()
      .references(() => creditCodes.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    amount: integer("amount").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("credit_code_redemptions_once_idx").on(t.codeId, t.userId),
    index("credit_code_redemptions_user_idx").on(t.userId),
  ],
);

/** Stripe events already credited: the event id makes a re-delivered webhook harmless. */
export const stripeEvents = pgTable("stripe_events", {
  eventId: text("event_id").primaryKey(),
  /** One checkout session credits once, whichever of its events (completed, async payment succeeded) comes. */
  sessionId: text("session_id").notNull().unique(),
  userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
  credits: integer("credits").notNull(),
  createdAt: createdAt(),
});
