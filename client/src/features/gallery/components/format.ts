/** Display helpers shared by the gallery's views. */
import { formatDateTime, formatNumber, formatRelative, i18n } from "@/i18n";

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return i18n.t("gallery:units.B", { value: formatNumber(bytes, { useGrouping: false }) });
  const units = ["KB", "MB", "GB", "TB"] as const;
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const value = v < 10 ? formatNumber(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) : formatNumber(Math.round(v), { useGrouping: false });
  return i18n.t(`gallery:units.${units[i] ?? "TB"}`, { value });
}

/** A date and time in the app's language ("5 Dec 2026, 14:03"). */
export const formatDate = (iso: string) => formatDateTime(iso, { dateStyle: "medium", timeStyle: "short" });

/** "local/sketch-fast" → "sketch-fast"; "fal-ai/flux/dev" → "flux/dev". */
export const shortModel = (id: string) => id.split("/").slice(1).join("/") || id;

/** "3 minutes ago", "yesterday"… in the app's language. */
export const timeAgo = (iso: string, now = Date.now()): string => formatRelative(iso, now);
