import { useTranslation } from "react-i18next";
import { cn } from "@/lib/cn";

/** A 1–5 rating as five pips, with the number for screen readers and in the title. */
export function Rating({ value, label }: { value: number; label: string }) {
  const { t } = useTranslation("models");
  return (
    <span className="inline-flex items-center gap-0.5" role="img" aria-label={t("rating.label", { label, value })} title={t("rating.title", { label, value })}>
      {[1, 2, 3, 4, 5].map((i) => (
        <span key={i} className={cn("size-2 rounded-full", i <= value ? "bg-primary-solid" : "bg-muted-foreground/30")} />
      ))}
    </span>
  );
}
