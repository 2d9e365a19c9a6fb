import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "@/i18n";
import { cn } from "@/lib/cn";

/** A titled card section of the usage page (h2 + optional description), loading state announced. */
export function Section({
  id,
  title,
  description,
  busy,
  actions,
  className,
  children,
}: {
  id?: string;
  title: string;
  description?: ReactNode;
  busy?: boolean;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const headingId = `${id ?? title.toLowerCase().replace(/\W+/g, "-")}-title`;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      aria-busy={busy || undefined}
      className={cn(
        "scroll-mt-20 rounded-xl border border-border bg-card p-4 text-card-foreground shadow-sm sm:p-5",
        className,
      )}
    >
      <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={headingId} className="font-semibold">
            {title}
          </h2>
          {description && <p className="mt-0.5 text-sm text-muted-foreground">{description}</p>}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** An inline error or offline note for a section whose figures did not load. */
export function LoadError({ error }: { error: unknown }) {
  const { t } = useTranslation("usage");
  const offline = typeof navigator !== "undefined" && navigator.onLine === false;
  return (
    <p role="status" className="text-sm text-muted-foreground">
      {offline ? t("load.offline") : error instanceof Error ? error.message : t("load.failed")}
    </p>
  );
}

export const fmt = (n: number) => formatNumber(n);
