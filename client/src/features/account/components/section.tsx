import type * as React from "react";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/cn";

interface SectionProps {
  id?: string;
  title: string;
  description?: React.ReactNode;
  action?: React.ReactNode;
  tone?: "default" | "danger";
  children: React.ReactNode;
  className?: string;
}

/** One settings card: a titled region (landmark for screen readers) with its controls. */
export function Section({ id, title, description, action, tone = "default", children, className }: SectionProps) {
  const headingId = `${id ?? title.toLowerCase().replace(/\W+/g, "-")}-title`;
  return (
    <Card
      id={id}
      role="region"
      aria-labelledby={headingId}
      className={cn("scroll-mt-20 hover:shadow-sm", tone === "danger" && "border-destructive/40", className)}
    >
      <CardHeader>
        <CardTitle>
          <h2 id={headingId} className={cn("text-base font-semibold", tone === "danger" && "text-destructive-strong")}>
            {title}
          </h2>
        </CardTitle>
        {description && <CardDescription>{description}</CardDescription>}
        {action && <CardAction>{action}</CardAction>}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}
