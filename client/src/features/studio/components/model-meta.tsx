import type { CatalogModel } from "@image-studio/shared";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";

/** "Free", "25 cr/MP", "≈40 cr/image". */
export function costLabel(model: CatalogModel): string {
  const { credits, unit, priceConfirmed } = model.pricing;
  if (credits === 0) return "Free";
  return `${priceConfirmed ? "" : "≈"}${credits} cr/${unit === "megapixel" ? "MP" : unit === "second" ? "s" : "image"}`;
}

export function costDescription(model: CatalogModel): string {
  const { credits, unit, priceConfirmed, note } = model.pricing;
  if (credits === 0) return note ?? "Free";
  const base = `${credits} credits per ${unit === "megapixel" ? "megapixel" : unit === "second" ? "second of video" : "image"}`;
  return [priceConfirmed ? base : `About ${base} (estimate)`, note].filter(Boolean).join(". ");
}

/** Five dots, filled up to `value`; announced as "Speed 4 of 5". */
export function Rating({ label, value, className }: { label: string; value: number; className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-1 text-xs text-muted-foreground", className)}>
      <span aria-hidden="true">{label}</span>
      <span className="inline-flex gap-0.5" role="img" aria-label={`${label} ${value} of 5`}>
        {[1, 2, 3, 4, 5].map((i) => (
          <span key={i} className={cn("size-1.5 rounded-full", i <= value ? "bg-primary-strong" : "bg-muted-foreground/30")} />
        ))}
      </span>
    </span>
  );
}

/** Capability badges: negative prompt, LoRAs, image count, extra operations. */
export function CapabilityBadges({ model, className }: { model: CatalogModel; className?: string }) {
  const badges: string[] = [];
  if (model.supportsNegativePrompt) badges.push("Negative prompt");
  if (model.params.some((p) => p.type === "loras")) badges.push("LoRA");
  if (model.operations.includes("image-to-image")) badges.push("Img2img");
  if (model.operations.includes("variation")) badges.push("Variations");
  badges.push(model.maxImages > 1 ? `Up to ${model.maxImages} images` : "1 image");
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
