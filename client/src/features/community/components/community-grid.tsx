import type { CommunityImage } from "@image-studio/shared";
import type { TFunction } from "i18next";
import { Link } from "@tanstack/react-router";
import { Heart } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BlurImage } from "@/components/image/blur-image";
import { ImageLightbox } from "@/components/lightbox/image-lightbox";
import { formatDate } from "@/i18n";
import { cn } from "@/lib/cn";
import { useFavorite } from "../api";

type T = TFunction<"community">;
const altOf = (img: CommunityImage, t: T) => img.altText || img.prompt || t("grid.alt", { handle: img.handle });
const asSource = (img: CommunityImage, t: T) => ({ id: img.id, thumbhash: img.thumbhash, width: img.width, height: img.height, altText: altOf(img, t) });
const asSlide = (img: CommunityImage, t: T) => ({ id: img.id, width: img.width, height: img.height, altText: altOf(img, t), prompt: img.prompt ?? undefined, urls: { preview: img.urls.preview, original: null } });

/** The heart of a published image: a count for everyone, a toggle for signed-in visitors. */
function FavoriteButton({ image, signedIn }: { image: CommunityImage; signedIn: boolean }) {
  const { t } = useTranslation("community");
  const fav = useFavorite();
  const [mine, setMine] = useState<{ favorited: boolean; favorites: number } | null>(null);
  const state = mine ?? { favorited: image.favorited, favorites: image.favorites };
  const label = state.favorited ? t("favorite.remove", { count: state.favorites }) : t("favorite.add", { count: state.favorites });
  if (!signedIn) {
    return (
      <span className="inline-flex items-center gap-1 text-xs text-foreground/80" aria-label={t("favorite.count", { count: state.favorites })}>
        <Heart className="size-3.5" aria-hidden="true" /> {state.favorites}
      </span>
    );
  }
  return (
    <button
      type="button"
      aria-pressed={state.favorited}
      aria-label={label}
      disabled={fav.isPending}
      onClick={() => fav.mutate({ id: image.id, favorite: !state.favorited }, { onSuccess: (r) => setMine({ favorited: r.favorited, favorites: r.favorites }) })}
      className="inline-flex min-h-9 items-center gap-1 rounded-lg px-2 text-xs transition-colors duration-200 hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
    >
      <Heart className={cn("size-4", state.favorited && "fill-accent text-accent")} aria-hidden="true" /> {state.favorites}
    </button>
  );
}

/** Published images as tiles (picture, author, favourites) with the app's lightbox. */
export function CommunityGrid({ items, signedIn, showAuthor = true, label }: { items: CommunityImage[]; signedIn: boolean; showAuthor?: boolean; label: string }) {
  const { t } = useTranslation("community");
  const [open, setOpen] = useState(-1);
  return (
    <>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" aria-label={label}>
        {items.map((img, i) => (
          <li key={img.id} className="overflow-hidden rounded-xl border border-border bg-card">
            <button
              type="button"
              onClick={() => setOpen(i)}
              aria-label={t("grid.open", { name: altOf(img, t) })}
              className="block w-full focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none focus-visible:ring-inset"
            >
              <BlurImage image={asSource(img, t)} src={img.urls.thumb} alt="" className="aspect-square" eager={i < 8} />
            </button>
            <div className="flex items-center justify-between gap-2 px-2 py-1.5">
              {showAuthor ? (
                <Link to="/u/$handle" params={{ handle: img.handle }} className="truncate rounded text-sm font-medium text-primary-strong underline-offset-4 hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
                  @{img.handle}
                </Link>
              ) : (
                <span className="truncate text-xs text-foreground/80">{formatDate(img.publishedAt)}</span>
              )}
              <FavoriteButton image={img} signedIn={signedIn} />
            </div>
            {img.prompt && <p className="line-clamp-2 px-2 pb-2 text-xs text-foreground/80">{img.prompt}</p>}
          </li>
        ))}
      </ul>
      <ImageLightbox images={items.map((img) => asSlide(img, t))} index={open} onIndexChange={setOpen} onClose={() => setOpen(-1)} />
    </>
  );
}
