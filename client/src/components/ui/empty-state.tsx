import type { LucideIcon } from "lucide-react";
import type * as React from "react";
import { cn } from "@/lib/cn";

interface EmptyStateProps extends Omit<React.ComponentProps<"div">, "title"> {
  icon?: LucideIcon;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** A call to action, e.g. <Button>…</Button> or <Button asChild><Link/></Button>. */
  action?: React.ReactNode;
  /** Heading level of the title, to fit the page outline (defaults to h2). */
  headingLevel?: 2 | 3 | 4;
}

/** A designed empty/zero state: a tinted icon, a title, a sentence and an optional next step. */
function EmptyState({
  icon: Icon,
  title,
  description,
  action,
  headingLevel = 2,
  className,
  ...props
}: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "mx-auto flex w-full max-w-md animate-slide-in flex-col items-center rounded-xl border border-dashed border-border px-6 py-12 text-center",
        className,
      )}
      {...props}
    >
      {Icon && (
        <div className="mb-4 grid size-14 place-items-center rounded-2xl bg-linear-to-br from-primary/15 to-accent/15 ring-1 ring-primary/20">
          <Icon className="size-7 text-primary-strong" aria-hidden="true" />
        </div>
      )}
      <Heading className="text-lg font-semibold tracking-tight text-balance">{title}</Heading>
      {description && <p className="mt-2 text-sm text-pretty text-muted-foreground">{description}</p>}
      {action && <div className="mt-6 flex flex-wrap items-center justify-center gap-2">{action}</div>}
    </div>
  );
}

export { EmptyState, type EmptyStateProps };
