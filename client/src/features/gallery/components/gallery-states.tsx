import { Link } from "@tanstack/react-router";
import { Heart, ImageOff, Images, SearchX, Sparkles, Trash2 } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { GalleryMode } from "../search";

/** The desktop filter panel's box (GalleryView's, and the prerendered frame's placeholder for it). */
export const FILTER_PANEL_CLASS =
  "sticky top-0 hidden max-h-[calc(100dvh-6.5rem)] w-60 shrink-0 overflow-y-auto rounded-xl border border-border bg-surface p-4 lg:block";

export function GallerySkeleton() {
  const { t } = useTranslation("gallery");
  return (
    <div aria-busy="true" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-5">
      <span className="sr-only">{t("states.loading")}</span>
      {Array.from({ length: 15 }, (_, i) => (
        <Skeleton key={i} className="aspect-square rounded-xl" />
      ))}
    </div>
  );
}

/** What an empty gallery, favourites view, trash or fruitless search says, and what to do next. */
export function GalleryEmpty({ mode, filtered, onClear }: { mode: GalleryMode; filtered: boolean; onClear: () => void }) {
  const { t } = useTranslation("gallery");
  if (filtered) {
    return (
      <EmptyState
        icon={SearchX}
        title={t("states.noMatch")}
        description={t("states.noMatchHint")}
        action={<Button onClick={onClear}>{t("states.clear")}</Button>}
      />
    );
  }
  if (mode === "favorites") {
    return (
      <EmptyState
        icon={Heart}
        title={t("states.noFavourites")}
        description={t("states.noFavouritesHint")}
        action={
          <Button asChild variant="outline">
            <Link to="/gallery">{t("states.browse")}</Link>
          </Button>
        }
      />
    );
  }
  if (mode === "trash") {
    return <EmptyState icon={Trash2} title={t("states.trashEmpty")} description={t("states.trashEmptyHint")} />;
  }
  return (
    <EmptyState
      icon={Images}
      title={t("states.noImages")}
      description={t("states.noImagesHint")}
      action={
        <Button asChild>
          <Link to="/studio">
            <Sparkles aria-hidden="true" /> {t("states.generate")}
          </Link>
        </Button>
      }
    />
  );
}

export function GalleryError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation("gallery");
  return <EmptyState icon={ImageOff} title={t("states.loadFailed")} description={message} action={<Button onClick={onRetry}>{t("states.retry")}</Button>} />;
}
