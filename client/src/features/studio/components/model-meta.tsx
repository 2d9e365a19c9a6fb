import type { CatalogModel } from "@image-studio/shared";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { formatNumber } from "@/i18n";

type T = TFunction<"studio">;

/** "Free", "25 cr/MP", "≈40 cr/image". */
export function costLabel(model: CatalogModel, t: T): string {
  const { credits, unit, priceConfirmed } = model.pricing;
  if (credits === 0) return t("meta.free");
  const values = { approx: priceConfirmed ? "" : "≈", credits: formatNumber(credits) };
  return unit === "megapixel" ? t("meta.perMp", values) : unit === "second" ? t("meta.perSecond", values) : t("meta.perImage", values);
}

export function costDescription(model: CatalogModel, t: T): string {
  const { credits, unit, priceConfirmed, note } = model.pricing;
  if (credits === 0) return note ?? t("meta.free");
  const values = { credits: formatNumber(credits) };
  const base = unit === "megapixel" ? t("meta.descMp", values) : unit === "second" ? t("meta.descSecond", values) : t("meta.descImage", values);
  return [priceConfirmed ? base : t("meta.estimate", { base }), note].filter(Boolean).join(". ");
}

/** Five dots, filled up to `value`; announced as "Speed 4 of 5". */
export function Rating({ label, value, className }: { label: string; value: number; className?: string }) {
  const { t } = useTranslation("studio");
  return (
    <span className={cn("inline-flex items-center gap-1 text-xs text-muted-foreground", className)}>
      <span aria-hidden="true">{label}</span>
      <span className="inline-flex gap-0.5" role="img" aria-label={t("meta.rating", { label, value })}>
        {[1, 2, 3, 4, 5].map((i) => (
          <span key={i} className={cn("size-1.5 rounded-full", i <= value ? "bg-primary-strong" : "bg-muted-foreground/30")} />
        ))}
      </span>
    </span>
  );
}

/** Capability badges: negative prompt, LoRAs, image count, extra operations. */
export function CapabilityBadges({ model, className }: { model: CatalogModel; className?: string }) {
  const { t } = useTranslation("studio");
  const badges: string[] = [];
  if (model.supportsNegativePrompt) badges.push(t("meta.negative"));
  if (model.params.some((p) => p.type === "loras")) badges.push(t("meta.lora"));
  if (model.operations.includes("image-to-image")) badges.push(t("meta.img2img"));
  if (model.operations.includes("variation")) badges.push(t("meta.variations"));
  badges.push(model.maxImages > 1 ? t("meta.upTo", { max: model.maxImages }) : t("meta.oneImage"));
  return (
    <span className={cn("flex flex-wrap gap-1", className)}>
      {badges.map((b) => (
        <Badge key={b} variant="secondary" className="font-normal">
          {b}
        </Badge>
      ))}
    </span>
  );
}
