import { Progress as ProgressPrimitive } from "radix-ui";
import type * as React from "react";
import { cn } from "@/lib/cn";

interface ProgressProps extends React.ComponentProps<typeof ProgressPrimitive.Root> {
  /** Colour of the bar; "brand" is the violet→pink gradient used for generation progress. */
  tone?: "primary" | "brand" | "success" | "warning" | "destructive";
  indicatorClassName?: string;
}

// The *-strong shades keep the bar ≥ 3:1 against the muted track in both themes (WCAG 1.4.11).
const TONES = {
  primary: "bg-primary-strong",
  brand: "bg-linear-to-r from-primary-strong to-accent-strong",
  success: "bg-success-strong",
  warning: "bg-warning-strong",
  destructive: "bg-destructive-strong",
} as const;

/** Determinate when `value` is a number, indeterminate (sliding bar) when it is null/undefined. Give it an aria-label. */
function Progress({ className, value, max = 100, tone = "primary", indicatorClassName, ...props }: ProgressProps) {
  const indeterminate = value === null || value === undefined;
  const pct = indeterminate ? 0 : Math.min(100, Math.max(0, (value / max) * 100));
  return (
    <ProgressPrimitive.Root
      data-slot="progress"
      value={value}
      max={max}
      className={cn("relative h-2 w-full overflow-hidden rounded-full bg-muted", className)}
      {...props}
    >
      <ProgressPrimitive.Indicator
        data-slot="progress-indicator"
        className={cn(
          "h-full rounded-full transition-transform duration-300 ease-in-out",
          TONES[tone],
          indeterminate ? "w-2/5 animate-progress-indeterminate" : "w-full",
          indicatorClassName,
        )}
        style={indeterminate ? undefined : { transform: `translateX(-${100 - pct}%)` }}
      />
    </ProgressPrimitive.Root>
  );
}

export { Progress, type ProgressProps };
