/**
 * Notifications: what the bell shows, what mail and browser notifications carry, and the user's choice of
 * channel per kind. One `notify()` on the server writes them (modules/notifications/notify.ts).
 */
import { z } from "zod";
import { vm } from "./validation-messages";

export const NOTIFICATION_KINDS = [
  "job.completed",
  "job.failed",
  "batch.completed",
  "credits.low",
  "credits.limit",
  "credits.granted",
  "credits.expiring",
  "share.viewed",
  "share.review",
  "comment.new",
  "comment.mention",
  "team.invite",
  "review.updated",
  "model.announcement",
  "community.unpublished",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ["inApp", "mail", "push"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const notificationChannelsSchema = z.object({ inApp: z.boolean(), mail: z.boolean(), push: z.boolean() });
export type NotificationChannels = z.infer<typeof notificationChannelsSchema>;

/** What a new account gets: everything in the app; mail only for what needs attention; browser push off until allowed. */
export const DEFAULT_NOTIFICATION_PREFERENCES: Record<NotificationKind, NotificationChannels> = {
  "job.completed": { inApp: true, mail: false, push: false },
  "job.failed": { inApp: true, mail: false, push: false },
  "batch.completed": { inApp: true, mail: false, push: true },
  "credits.low": { inApp: true, mail: true, push: false },
  "credits.limit": { inApp: true, mail: true, push: false },
  "credits.granted": { inApp: true, mail: false, push: false },
  "credits.expiring": { inApp: true, mail: true, push: false },
  "share.viewed": { inApp: true, mail: false, push: false },
  "share.review": { inApp: true, mail: true, push: false },
  "comment.new": { inApp: true, mail: false, push: false },
  "comment.mention": { inApp: true, mail: true, push: true },
  "team.invite": { inApp: true, mail: true, push: false },
  "review.updated": { inApp: true, mail: false, push: false },
  "model.announcement": { inApp: true, mail: false, push: false },
  "community.unpublished": { inApp: true, mail: true, push: false },
};

export const notificationPreferencesSchema = z
  .object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, notificationChannelsSchema.partial().optional()])) as Record<NotificationKind, z.ZodOptional<z.ZodObject<{ inApp: z.ZodOptional<z.ZodBoolean>; mail: z.ZodOptional<z.ZodBoolean>; push: z.ZodOptional<z.ZodBoolean> }>>>)
  .strict();
export type NotificationPreferencesUpdate = z.infer<typeof notificationPreferencesSchema>;

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  /**
   * What the title and body are made of (shared/src/notification-text.ts): the client words them in the reader's
   * language. Null on rows written before parameters existed: then title and body are the stored English text.
   */
  params: z.record(z.string(), z.unknown()).nullable(),
  /** An in-app path (e.g. /images/…) the notification opens. */
  link: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;

/** GET /api/notifications: newest first, walked with an opaque cursor. */
export const notificationListQuerySchema = z.object({
  cursor: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** "true": unread only. */
  unread: z.enum(["true", "false"]).optional(),
  /** One kind or a comma-separated list of kinds. */
  kind: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const kinds = v.split(",").map((k) => k.trim()).filter(Boolean);
      const bad = kinds.filter((k) => !(NOTIFICATION_KINDS as readonly string[]).includes(k));
      if (bad.length) {
        ctx.addIssue({ code: "custom", message: vm("library.notificationKindUnknown", { kinds: bad.join(", ") }) });
        return z.NEVER;
      }
      return kinds as NotificationKind[];
    }),
});
export type NotificationListQuery = z.input<typeof notificationListQuerySchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
  unreadCount: z.number(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

/** GET/PUT /api/notifications/preferences: every kind with all three channels (defaults filled in). */
export const notificationPreferencesViewSchema = z.object({
  preferences: z.record(z.enum(NOTIFICATION_KINDS), notificationChannelsSchema),
  /** The account-wide switch (Settings): off = nothing but the bell. */
  notificationsEnabled: z.boolean(),
});
export type NotificationPreferencesView = z.infer<typeof notificationPreferencesViewSchema>;
