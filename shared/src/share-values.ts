/**
 * Share links' value lists, limits and addresses. No zod here: the shared-link pages and the gallery's share dialog
 * read these without building the share contracts' schemas (share.ts re-exports them).
 */
export const SHARE_KINDS = ["image", "project", "collection"] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];

/** Expiry presets the dialog offers; the server turns them into a date with its own clock. */
export const SHARE_EXPIRY_PRESETS = ["1h", "1d", "7d", "30d"] as const;
export type ShareExpiryPreset = (typeof SHARE_EXPIRY_PRESETS)[number];
export const SHARE_EXPIRY_MS: Record<ShareExpiryPreset, number> = {
  "1h": 3600_000,
  "1d": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
};

/** 32 random bytes, base64url: 43 characters. */
export const SHARE_TOKEN_PATTERN = "[A-Za-z0-9_-]{43}";

export const SHARE_PASSWORD_HEADER = "X-Share-Password";
export const SHARE_PASSWORD_MIN = 4;
export const SHARE_PASSWORD_MAX = 128;

/** A reviewer's note and name on a review link (share-review.ts). */
export const REVIEW_NOTE_MAX = 2000;
export const REVIEWER_NAME_MAX = 80;

/** The public page of a token, and the token-scoped file URLs (no account needed). */
export const sharePagePath = (token: string) => `/s/${token}`;
export const sharedFileUrl = (token: string, imageId: string, variant: "thumb-256" | "preview-768" | "video" | "original" | "download") =>
  `/api/share/${token}/files/${imageId}/${variant}`;
export const sharedViewUrl = (kind: ShareKind, token: string) => `/api/share/${kind}/${token}`;
