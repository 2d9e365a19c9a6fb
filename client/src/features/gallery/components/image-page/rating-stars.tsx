import { Star } from "lucide-react";
import { useTranslation } from "react-i18next";
import { cn } from "@/lib/cn";

/** Five stars as a radio group; choosing the current rating again clears it. */
export function RatingStars({ value, onChange, size = "size-5" }: { value: number | null; onChange: (rating: number | null) => void; size?: string }) {
  const { t } = useTranslation("gallery");
  return (
    <div role="radiogroup" aria-label={t("rating.label")} className="flex items-center">
      {[1, 2, 3, 4, 5].map((n) => (
        <button
          key={n}
          type="button"
          role="radio"
          aria-checked={value === n}
          aria-label={t("rating.stars", { count: n })}
          onClick={() => onChange(value === n ? null : n)}
          className="rounded p-0.5 pointer-coarse:p-3 transition-transform duration-200 hover:scale-110 motion-reduce:hover:scale-100"
        >
          <Star className={cn(size, (value ?? 0) >= n ? "fill-warning text-warning" : "text-muted-foreground")} aria-hidden="true" />
        </button>
      ))}
    </div>
  );
}
