import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./_helpers";

export type UserPreferences = {
  theme?: "light" | "dark" | "auto";
  defaultModelId?: string;
  galleryView?: "grid" | "masonry" | "list";
  [key: string]: unknown;
};

/** Better Auth's `user` model merged with the product's user columns (one table, not two). */
export const users = pgTable(
  "users",
  {
    id: id(),
    name: text("name").notNull(),
    email: text("email").notNull().unique(),
    emailVerified: boolean("email_verified").notNull().default(false),
    /** Better Auth's avatar field; holds our avatar URL. */
    image: text("image"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Better Auth plugins: two-factor and admin.
    twoFactorEnabled: boolean("two_factor_enabled").notNull().default(false),
    role: text("role").notNull().default("user"),
    banned: boolean("banned").notNull().default(false),
    banReason: text("ban_reason"),
    banExpires: timestamp("ban_expires", { withTimezone: true }),
    // Product columns from the seed.
    lastLogin: timestamp("last_login", { withTimezone: true }),
    preferences: jsonb("preferences").$type<UserPreferences>().notNull().default({}),
    creditsBalance: integer("credits_balance").notNull().default(0),
    subscriptionTier: text("subscription_tier").notNull().default("free"),
    isActive: boolean("is_active").notNull().default(true),
    onboardingState: jsonb("onboarding_state").$type<Record<string, boolean>>().notNull().default({}),
    timezone: text("timezone").notNull().default("UTC"),
    language: text("language").notNull().default("en"),
    /** Version of the stored avatar objects, bumped on upload so old keys can be deleted. */
    avatarVersion: integer("avatar_version").notNull().default(0),
    /** A guest from "Try demo" (Better Auth anonymous plugin): limited credits, upgraded by signing up. */
    isAnonymous: boolean("is_guest").notNull().default(false),
    /** Public handle of `/u/:handle` (lower case, unique); null until the user chooses one. */
    handle: text("handle").unique(),
    /** Whether the user's published images show their prompt and parameters. */
    publicShowPrompt: boolean("public_show_prompt").notNull().default(false),
  },
  (t) => [index("users_created_at_idx").on(t.createdAt.desc())],
);

export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    token: text("token").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    impersonatedBy: text("impersonated_by"),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);

export const accounts = pgTable(
  "accounts",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    /** Password hash for the credential provider (Better Auth hashes with scrypt). */
    password: text("password"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("accounts_user_id_idx").on(t.userId)],
);

export const verifications = pgTable(
  "verifications",
  {
    id: id(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("verifications_identifier_idx").on(t.identifier)],
);

export const twoFactors = pgTable(
  "two_factors",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    secret: text("secret").notNull(),
    backupCodes: text("backup_codes").notNull(),
    verified: boolean("verified").notNull().default(true),
    failedVerificationCount: integer("failed_verification_count").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (t) => [index("two_factors_user_id_idx").on(t.userId), index("two_factors_secret_idx").on(t.secret)],
);

/** Rate-limit counters shared by every API process (Better Auth's database storage and our own limiter). */
export const rateLimits = pgTable("rate_limits", {
  id: id(),
  key: text("key").notNull().unique(),
  count: integer("count").notNull().default(0),
  lastRequest: bigint("last_request", { mode: "number" }).notNull().default(0),
});
