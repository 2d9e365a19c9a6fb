import { LoaderCircle } from "lucide-react";
import type * as React from "react";
import { useTranslation } from "react-i18next";
import { cn } from "@/lib/cn";

interface SpinnerProps extends React.ComponentProps<"svg"> {
  /** Accessible name; pass `aria-hidden` instead when the surrounding element already says it is busy. */
  label?: string;
}

function Spinner({ className, label, ...props }: SpinnerProps) {
  const { t } = useTranslation("common");
  const hidden = props["aria-hidden"] === true || props["aria-hidden"] === "true";
  return (
    <LoaderCircle
      data-slot="spinner"
      role={hidden ? undefined : "status"}
      aria-label={hidden ? undefined : (label ?? t("ui.loading"))}
      className={cn("size-4 shrink-0 animate-spin", className)}
      {...props}
    />
  );
}

export { Spinner };
