import type { NotificationKind } from "@image-studio/shared";
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

const rtf = typeof Intl !== "undefined" ? new Intl.RelativeTimeFormat(undefined, { numeric: "auto" }) : null;

/** "3 minutes ago", "yesterday"… (and the full date in the title attribute). */
export function relativeTime(iso: string, now = Date.now()): string {
  const s = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(s);
  if (!rtf) return new Date(iso).toLocaleString();
  if (abs < 45) return "just now";
  if (abs < 3600) return rtf.format(Math.round(s / 60), "minute");
  if (abs < 86_400) return rtf.format(Math.round(s / 3600), "hour");
  if (abs < 7 * 86_400) return rtf.format(Math.round(s / 86_400), "day");
  return new Date(iso).toLocaleDateString();
}
