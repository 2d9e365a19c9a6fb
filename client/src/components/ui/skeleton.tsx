import type * as React from "react";
import { cn } from "@/lib/cn";

/** A loading placeholder. Decorative: mark the region busy (aria-busy) or add sr-only "Loading…" text nearby. */
function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div data-slot="skeleton" aria-hidden="true" className={cn("skeleton-shimmer rounded-lg", className)} {...props} />
  );
}

export { Skeleton };
