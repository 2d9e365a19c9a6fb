import type { NotificationKind } from "@image-studio/shared";
import { formatDate, formatDateTime, formatRelative, i18n } from "@/i18n";
import { Bell, CircleAlert, CircleCheck, Coins, Globe, Layers, Megaphone, MessageSquare, Share2, Users, type LucideIcon } from "lucide-react";

const KIND_ICONS: Partial<Record<NotificationKind, LucideIcon>> = {
  "job.completed": CircleCheck,
  "job.failed": CircleAlert,
  "batch.completed": Layers,
  "credits.low": Coins,
  "credits.limit": Coins,
  "credits.granted": Coins,
  "credits.expiring": Coins,
  "share.viewed": Share2,
  "share.review": MessageSquare,
  "comment.new": MessageSquare,
  "comment.mention": MessageSquare,
  "team.invite": Users,
  "model.announcement": Megaphone,
  "community.unpublished": Globe,
};
export const kindIcon = (k: NotificationKind): LucideIcon => KIND_ICONS[k] ?? Bell;

/** Catalog keys of the kinds' labels (notifications:kinds.*). */
export const KIND_LABEL_KEYS = {
  "job.completed": "kinds.jobCompleted",
  "job.failed": "kinds.jobFailed",
  "batch.completed": "kinds.batchCompleted",
  "credits.low": "kinds.creditsLow",
  "credits.limit": "kinds.creditsLimit",
  "credits.granted": "kinds.creditsGranted",
  "credits.expiring": "kinds.creditsExpiring",
  "share.viewed": "kinds.shareViewed",
  "share.review": "kinds.shareReview",
  "comment.new": "kinds.commentNew",
  "comment.mention": "kinds.commentMention",
  "team.invite": "kinds.teamInvite",
  "review.updated": "kinds.reviewUpdated",
  "model.announcement": "kinds.modelAnnouncement",
  "community.unpublished": "kinds.communityUnpublished",
} as const satisfies Record<NotificationKind, `kinds.${string}`>;

/** "3 minutes ago", "yesterday"… (and the full date in the title attribute). */
export function relativeTime(iso: string, now = Date.now()): string {
  const s = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(s);
  if (abs < 45) return i18n.t("notifications:time.justNow");
  // 45–59 seconds read as a minute.
  if (abs < 60) return formatRelative(now + Math.sign(s) * 60_000, now);
  if (abs < 7 * 86_400) return formatRelative(iso, now);
  return formatDate(iso, {});
}

/** The full date and time (the title of a relative time). */
export function fullDateTime(iso: string): string {
  return formatDateTime(iso, { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
}
