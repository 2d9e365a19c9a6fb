import { Link } from "@tanstack/react-router";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber, formatRelative } from "@/i18n";
import { cn } from "@/lib/cn";

/** A dashboard card: an h2 title, an optional "see all" link, the content. */
export function Panel({
  title,
  to,
  linkLabel,
  className,
  children,
}: {
  title: string;
  to?: "/gallery" | "/favorites" | "/projects" | "/usage" | "/queue";
  linkLabel?: string;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation("dashboard");
  const id = `dash-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section
      aria-labelledby={id}
      className={cn("min-w-0 rounded-xl border border-border bg-card p-4 text-card-foreground shadow-sm", className)}
    >
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id={id} className="font-semibold">
          {title}
        </h2>
        {to && (
          <Link to={to} className="rounded-sm text-sm text-primary-strong underline-offset-4 hover:underline">
            {linkLabel ?? t("panel.seeAll")}
          </Link>
        )}
      </div>
      {children}
    </section>
  );
}

export const fmt = (n: number) => formatNumber(n);

const ONE_DECIMAL = { minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;

export function formatBytes(n: number, t: TFunction<"dashboard">): string {
  const MB = 1024 * 1024;
  if (n >= 1024 * MB) return t("units.gb", { n: formatNumber(n / 1024 / MB, ONE_DECIMAL) });
  if (n >= MB) return t("units.mb", { n: formatNumber(n / MB, ONE_DECIMAL) });
  return t("units.kb", { n: formatNumber(Math.ceil(n / 1024)) });
}

/** "5 minutes ago", "yesterday", … */
export function ago(iso: string, now = Date.now()): string {
  // A moment later than the clock last ticked reads "now", never "in 5 seconds".
  return formatRelative(Math.min(new Date(iso).getTime(), now), now);
}
