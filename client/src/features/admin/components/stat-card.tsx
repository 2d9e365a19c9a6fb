import type { ReactNode } from "react";
import { formatNumber, i18n } from "@/i18n";

/** One figure with its label (overview grid). */
export function StatCard({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <div className="rounded-xl border border-border bg-card p-4">
      <p className="text-xs text-muted-foreground">{label}</p>
      <p className="mt-1 font-mono text-2xl font-semibold">{value}</p>
      {hint && <p className="mt-0.5 text-xs text-muted-foreground">{hint}</p>}
    </div>
  );
}

export const fmt = (n: number) => formatNumber(n);
export function bytes(n: number): string {
  if (n < 1024) return i18n.t("admin:size.B", { value: fmt(n) });
  const units = ["KB", "MB", "GB", "TB"] as const;
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const digits = v < 10 ? 1 : 0;
  return i18n.t(`admin:size.${units[i] ?? "TB"}`, { value: formatNumber(v, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }) });
}
