import { imageDownloadUrl, type ImageSummary } from "@image-studio/shared";
import { Link } from "@tanstack/react-router";
import { Download, Heart, Info } from "lucide-react";
import { useTranslation } from "react-i18next";
import { ImageLightbox } from "@/components/lightbox/image-lightbox";
import { cn } from "@/lib/cn";
import type { ImageActions } from "../hooks/use-image-actions";
import type { GalleryMode } from "../search";

interface Props {
  items: ImageSummary[];
  index: number;
  onIndex: (i: number) => void;
  actions: ImageActions;
  mode: GalleryMode;
  onNearEnd: () => void;
}

const btn = "yarl__button inline-grid place-items-center";

/** The gallery's quick preview: the shared lightbox plus favourite, details and download buttons. */
export function GalleryLightbox({ items, index, onIndex, actions, mode, onNearEnd }: Props) {
  const { t } = useTranslation("gallery");
  // Closed, it costs nothing: no slides are built for 100k images on every page that loads.
  if (index < 0) return null;
  return (
    <ImageLightbox
      images={items}
      index={index}
      onIndexChange={onIndex}
      onClose={() => onIndex(-1)}
      onNearEnd={onNearEnd}
      actions={(img) => (
        <>
          {mode !== "trash" && (
            <button
              type="button"
              className={btn}
              aria-label={img.isFavorite ? t("tile.removeFavourite") : t("tile.addFavourite")}
              aria-pressed={img.isFavorite}
              onClick={() => actions.favorite.mutate({ ids: [img.id], favorite: !img.isFavorite })}
            >
              <Heart className={cn("size-6", img.isFavorite && "fill-accent text-accent")} aria-hidden="true" />
            </button>
          )}
          <Link to="/images/$imageId" params={{ imageId: img.id }} className={btn} aria-label={t("lightbox.details")} onClick={() => onIndex(-1)}>
            <Info className="size-6" aria-hidden="true" />
          </Link>
          <a href={imageDownloadUrl(img.id)} download className={btn} aria-label={t("lightbox.download")}>
            <Download className="size-6" aria-hidden="true" />
          </a>
        </>
      )}
    />
  );
}
