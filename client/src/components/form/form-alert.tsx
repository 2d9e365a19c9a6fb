import { CircleAlert, CircleCheck, Info } from "lucide-react";
import type * as React from "react";
import { cn } from "@/lib/cn";

const TONES = {
  error: { icon: CircleAlert, className: "border-destructive/30 bg-destructive/10 text-destructive-strong" },
  success: { icon: CircleCheck, className: "border-success/30 bg-success/10 text-success-strong" },
  info: { icon: Info, className: "border-primary/25 bg-primary/10 text-primary-strong" },
} as const;

/** A message above or below a form (the server's answer, a result). Errors are announced to screen readers. */
export function FormAlert({
  tone = "error",
  title,
  children,
  className,
}: {
  tone?: keyof typeof TONES;
  title?: string;
  children?: React.ReactNode;
  className?: string;
}) {
  const { icon: Icon, className: toneClass } = TONES[tone];
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn("flex gap-3 rounded-lg border px-3 py-2.5 text-sm", toneClass, className)}
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
      <div className="grid gap-1">
        {title && <p className="font-medium">{title}</p>}
        {children && <div className="text-foreground/90">{children}</div>}
      </div>
    </div>
  );
}
