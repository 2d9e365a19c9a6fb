import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
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
            {linkLabel ?? "See all"}
          </Link>
        )}
      </div>
      {children}
    </section>
  );
}

export const fmt = (n: number) => n.toLocaleString();

export function formatBytes(n: number): string {
  const MB = 1024 * 1024;
  if (n >= 1024 * MB) return `${(n / 1024 / MB).toFixed(1)} GB`;
  if (n >= MB) return `${(n / MB).toFixed(1)} MB`;
  return `${Math.ceil(n / 1024)} KB`;
}

const RTF = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
/** "5 minutes ago", "yesterday", … */
export function ago(iso: string, now = Date.now()): string {
  // A moment later than the clock last ticked reads "now", never "in 5 seconds".
  const s = Math.min(0, Math.round((new Date(iso).getTime() - now) / 1000));
  const abs = Math.abs(s);
  if (abs < 60) return RTF.format(s, "second");
  if (abs < 3600) return RTF.format(Math.round(s / 60), "minute");
  if (abs < 86_400) return RTF.format(Math.round(s / 3600), "hour");
  return RTF.format(Math.round(s / 86_400), "day");
}
