import type * as React from "react";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/cn";

interface FieldProps {
  id: string;
  label: React.ReactNode;
  /** Shown next to the label (a value readout, a small action). */
  aside?: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  className?: string;
  /** For groups of controls (radio grids): the label names a group rather than one input. */
  asGroupLabel?: boolean;
  children: React.ReactNode;
}

/** Label above, control, then the error (red) or the helper text below: the design system's form row. */
export function Field({ id, label, aside, hint, error, className, asGroupLabel, children }: FieldProps) {
  return (
    <div className={cn("grid gap-1.5", className)}>
      <div className="flex min-h-5 items-center justify-between gap-2">
        {asGroupLabel ? (
          <span id={`${id}-label`} className="text-sm font-medium leading-none">
            {label}
          </span>
        ) : (
          <Label htmlFor={id}>{label}</Label>
        )}
        {aside}
      </div>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-destructive-strong" role="alert">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** aria props for a control inside <Field>. */
export function describedBy(id: string, error?: string, hint?: React.ReactNode) {
  return {
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  } as const;
}
