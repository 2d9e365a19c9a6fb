import { imageDownloadUrl, type ImageSummary } from "@image-studio/shared";
import { Link } from "@tanstack/react-router";
import { Download, Info, RotateCcw, Trash2 } from "lucide-react";
import { Expand, Heart, MoreHorizontal } from "@/components/ui/icons";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/cn";
import type { GalleryMode } from "../search";

export interface TileCallbacks {
  onPreview: (index: number) => void;
  onFavorite: (image: ImageSummary) => void;
  onTrash: (image: ImageSummary) => void;
  onRestore: (image: ImageSummary) => void;
  onPurge: (image: ImageSummary) => void;
}

const iconButton = "size-8 rounded-full bg-black/60 text-white hover:bg-black/80 hover:text-white focus-visible:bg-black/75";

/** The quick actions a tile shows on hover, focus or tap-and-hold. */
export function TileActions({
  image,
  index,
  mode,
  cb,
  onMenuOpenChange,
}: {
  image: ImageSummary;
  index: number;
  mode: GalleryMode;
  cb: TileCallbacks;
  onMenuOpenChange?: (open: boolean) => void;
}) {
  const { t } = useTranslation("gallery");
  return (
    <div className="flex items-center gap-1">
      {mode !== "trash" && (
        <Button
          variant="ghost"
          size="icon"
          className={iconButton}
          aria-label={image.isFavorite ? t("tile.removeFavourite") : t("tile.addFavourite")}
          aria-pressed={image.isFavorite}
          onClick={() => cb.onFavorite(image)}
        >
          <Heart className={cn("size-4", image.isFavorite && "fill-current text-accent")} aria-hidden="true" />
        </Button>
      )}
      <Button variant="ghost" size="icon" className={iconButton} aria-label={t("tile.quickPreview")} onClick={() => cb.onPreview(index)}>
        <Expand className="size-4" aria-hidden="true" />
      </Button>
      <DropdownMenu onOpenChange={onMenuOpenChange}>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" className={iconButton} aria-label={t("actions.more")}>
            <MoreHorizontal className="size-4" aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem asChild>
            <Link to="/images/$imageId" params={{ imageId: image.id }}>
              <Info aria-hidden="true" /> {t("tile.details")}
            </Link>
          </DropdownMenuItem>
          <DropdownMenuItem asChild>
            <a href={imageDownloadUrl(image.id)} download>
              <Download aria-hidden="true" /> {t("actions.download")}
            </a>
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          {mode === "trash" ? (
            <>
              <DropdownMenuItem onSelect={() => cb.onRestore(image)}>
                <RotateCcw aria-hidden="true" /> {t("actions.restore")}
              </DropdownMenuItem>
              <DropdownMenuItem variant="destructive" onSelect={() => cb.onPurge(image)}>
                <Trash2 aria-hidden="true" /> {t("bulk.purge")}
              </DropdownMenuItem>
            </>
          ) : (
            <DropdownMenuItem variant="destructive" onSelect={() => cb.onTrash(image)}>
              <Trash2 aria-hidden="true" /> {t("tile.trash")}
            </DropdownMenuItem>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
