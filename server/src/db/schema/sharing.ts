import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./_helpers";
import { users } from "./auth";
import { collections } from "./collections";
import { images } from "./images";
import { projects } from "./projects";

export const SHARE_KINDS = ["image", "project", "collection"] as const;

/**
 * A share link: a ≥256-bit random token that opens exactly one image, project or collection of its owner for
 * anyone holding it, with an optional password (scrypt hash), expiry, download and prompt switches. Revoking keeps
 * the row (the owner's list says "revoked") but every URL the token handed out stops answering at once.
 */
export const shareLinks = pgTable(
  "share_links",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: SHARE_KINDS }).notNull(),
    imageId: uuid("image_id").references(() => images.id, { onDelete: "cascade" }),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "cascade" }),
    collectionId: uuid("collection_id").references(() => collections.id, { onDelete: "cascade" }),
    token: text("token").notNull().unique(),
    passwordHash: text("password_hash"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    allowDownload: boolean("allow_download").notNull().default(true),
    showPrompt: boolean("show_prompt").notNull().default(true),
    /** Anonymous reviewers may approve or request changes per image (project and collection links). */
    allowReview: boolean("allow_review").notNull().default(false),
    viewCount: integer("view_count").notNull().default(0),
    lastViewedAt: timestamp("last_viewed_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("share_links_user_idx").on(t.userId, t.createdAt.desc()),
    index("share_links_image_idx").on(t.imageId),
    index("share_links_project_idx").on(t.projectId),
    index("share_links_collection_idx").on(t.collectionId),
    check(
      "share_links_one_target",
      sql`(${t.kind} = 'image' AND ${t.imageId} IS NOT NULL AND ${t.projectId} IS NULL AND ${t.collectionId} IS NULL)
        OR (${t.kind} = 'project' AND ${t.projectId} IS NOT NULL AND ${t.imageId} IS NULL AND ${t.collectionId} IS NULL)
        OR (${t.kind} = 'collection' AND ${t.collectionId} IS NOT NULL AND ${t.imageId} IS NULL AND ${t.projectId} IS NULL)`,
    ),
  ],
);

export const REVIEW_VERDICTS = ["approved", "changes_requested"] as const;

/**
 * A verdict an anonymous reviewer gave one image through a share link with review on: one per reviewer (a random
 * id their device keeps; used only for grouping) per image per link — a new verdict replaces the old one.
 */
export const shareReviews = pgTable(
  "share_reviews",
  {
    id: id(),
    linkId: uuid("link_id")
      .notNull()
      .references(() => shareLinks.id, { onDelete: "cascade" }),
    /** The link's owner (every owner query is scoped by it). */
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    imageId: uuid("image_id")
      .notNull()
      .references(() => images.id, { onDelete: "cascade" }),
    reviewerId: uuid("reviewer_id").notNull(),
    reviewerName: text("reviewer_name").notNull(),
    verdict: text("verdict", { enum: REVIEW_VERDICTS }).notNull(),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("share_reviews_one_per_reviewer").on(t.linkId, t.imageId, t.reviewerId),
    index("share_reviews_image_idx").on(t.imageId, t.updatedAt.desc()),
  ],
);

export const imageComments = pgTable(
  "image_comments",
  {
    id: id(),
    imageId: uuid("image_id")
      .notNull()
      .references(() => images.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    commentText: text("comment_text").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("image_comments_image_idx").on(t.imageId, t.createdAt)],
);
