/**
 * Public gallery and community (issue #14): a user's handle and public profile, per-image publishing, the
 * anonymous community feed and profile pages, community favourites and the admins' unpublish.
 */
import { z } from "zod";
import { COMMUNITY_SORTS } from "./url-values";
import { vm } from "./validation-messages";

export const HANDLE_MIN = 3;
export const HANDLE_MAX = 30;
/** Lower-case letters, digits, `-` and `_`, starting with a letter or digit. */
export const HANDLE_PATTERN = "[a-z0-9][a-z0-9_-]{2,29}";

/** Handles that name the product, its pages or its staff, and would mislead visitors. */
export const RESERVED_HANDLES = new Set([
  "admin", "administrator", "api", "app", "assets", "auth", "billing", "community", "dashboard", "docs", "explore",
  "gallery", "help", "image-studio", "imagestudio", "images", "login", "logout", "me", "mod", "moderator", "new",
  "null", "official", "projects", "public", "root", "settings", "share", "sign-in", "sign-up", "signin", "signup",
  "staff", "studio", "support", "system", "team", "undefined", "user", "users", "www",
]);

export const handleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(HANDLE_MIN, vm("community.handleMin", { min: HANDLE_MIN }))
  .max(HANDLE_MAX, vm("community.handleMax", { max: HANDLE_MAX }))
  .regex(new RegExp(`^${HANDLE_PATTERN}$`), vm("community.handlePattern"))
  .refine((h) => !RESERVED_HANDLES.has(h), vm("community.handleReserved"));

export const publicProfileSchema = z.object({
  handle: z.string().nullable(),
  /** Whether published images show their prompt and parameters. */
  showPrompt: z.boolean(),
  /** Path of the public page, when there is a handle. */
  url: z.string().nullable(),
  publishedCount: z.number().int(),
});
export type PublicProfile = z.infer<typeof publicProfileSchema>;

export const updatePublicProfileSchema = z
  .object({ handle: handleSchema.nullable(), showPrompt: z.boolean() })
  .partial()
  .strict();
export type UpdatePublicProfile = z.input<typeof updatePublicProfileSchema>;

export const publishRequestSchema = z.object({ published: z.boolean() }).strict();
export const publishResultSchema = z.object({ id: z.string(), isPublic: z.boolean(), publishedAt: z.string().nullable(), url: z.string().nullable() });
export type PublishResult = z.infer<typeof publishResultSchema>;

export { COMMUNITY_SORTS, type CommunitySort } from "./url-values";
export const COMMUNITY_PAGE_MAX = 60;
export const COMMUNITY_CURSOR_MAX = 10_000;

export const communityQuerySchema = z.object({
  sort: z.enum(COMMUNITY_SORTS).default("newest"),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().regex(/^\d{1,5}$/, vm("common.cursorInvalid")).optional().or(z.literal("")),
  limit: z.coerce.number().int().min(1).max(COMMUNITY_PAGE_MAX).default(30),
});
export type CommunityQuery = z.input<typeof communityQuerySchema>;

export const COMMUNITY_VARIANTS = ["thumb-256", "preview-768"] as const;
export type CommunityVariant = (typeof COMMUNITY_VARIANTS)[number];

/** `/api/community/files/:imageId/:variant` — works only while the image is published. */
export const communityFileUrl = (imageId: string, variant: CommunityVariant) => `/api/community/files/${imageId}/${variant}`;

export const communityImageSchema = z.object({
  id: z.string(),
  handle: z.string(),
  width: z.number(),
  height: z.number(),
  altText: z.string(),
  thumbhash: z.string().nullable(),
  publishedAt: z.string(),
  favorites: z.number().int(),
  /** Whether the signed-in viewer favourited it (false for anonymous visitors). */
  favorited: z.boolean(),
  /** Null unless the owner shows prompts on their public images. */
  prompt: z.string().nullable(),
  negativePrompt: z.string().nullable(),
  modelId: z.string().nullable(),
  parameters: z.record(z.string(), z.unknown()).nullable(),
  urls: z.object({ thumb: z.string(), preview: z.string() }),
});
export type CommunityImage = z.infer<typeof communityImageSchema>;

export const communityPageSchema = z.object({ items: z.array(communityImageSchema), nextCursor: z.string().nullable() });
export type CommunityPage = z.infer<typeof communityPageSchema>;

export const publicUserPageSchema = communityPageSchema.extend({ handle: z.string(), publishedCount: z.number().int() });
export type PublicUserPage = z.infer<typeof publicUserPageSchema>;

export const communityFavoriteSchema = z.object({ favorite: z.boolean() }).strict();
export const communityFavoriteResultSchema = z.object({ id: z.string(), favorited: z.boolean(), favorites: z.number().int() });
export type CommunityFavoriteResult = z.infer<typeof communityFavoriteResultSchema>;

export const adminUnpublishSchema = z.object({ reason: z.string().trim().min(1, vm("admin.unpublishReasonRequired")).max(500) }).strict();
export type AdminUnpublish = z.input<typeof adminUnpublishSchema>;

/** The admin console's view of a published image: the owner is named for moderation. */
export const adminCommunityImageSchema = communityImageSchema.extend({ ownerEmail: z.string(), ownerId: z.string() });
export type AdminCommunityImage = z.infer<typeof adminCommunityImageSchema>;
export const adminCommunityPageSchema = z.object({ items: z.array(adminCommunityImageSchema), nextCursor: z.string().nullable() });
export type AdminCommunityPage = z.infer<typeof adminCommunityPageSchema>;
