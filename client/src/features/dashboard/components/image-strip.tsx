import type { ImageSummary } from "@image-studio/shared";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { BlurImage } from "@/components/image/blur-image";
import { cn } from "@/lib/cn";

/** Thumbnails that open the image: a scrolling strip (recent) or a grid (favourites). */
export function ImageStrip({
  images,
  layout,
  empty,
}: {
  images: ImageSummary[];
  layout: "strip" | "grid";
  empty: string;
}) {
  const { t } = useTranslation("dashboard");
  if (!images.length) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return (
    <ul
      className={cn(
        layout === "strip" ? "-mx-1 flex snap-x gap-2 overflow-x-auto px-1 pb-1" : "grid grid-cols-4 gap-2",
      )}
    >
      {images.map((img) => (
        <li key={img.id} className={cn(layout === "strip" ? "w-28 shrink-0 snap-start sm:w-32" : "min-w-0")}>
          <Link
            to="/images/$imageId"
            params={{ imageId: img.id }}
            className="block overflow-hidden rounded-lg"
            aria-label={img.altText || img.prompt || t("strip.image")}
          >
            <BlurImage image={img} className="aspect-square w-full" alt="" />
          </Link>
        </li>
      ))}
    </ul>
  );
}
