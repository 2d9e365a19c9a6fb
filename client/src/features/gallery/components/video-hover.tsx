import { imageFileUrl } from "@image-studio/shared";
import { Clapperboard } from "lucide-react";
import { useTranslation } from "react-i18next";

const reducedMotion = () => typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;

/**
 * A video tile: a "Video" badge over the poster, and — while the tile is hovered or focused, unless the user
 * prefers reduced motion — the clip itself playing muted on top (loaded only then, so the grid stays light).
 * Kept in its own file, apart from the grid's layout and performance work.
 */
export function VideoHover({ imageId, mp4, active }: { imageId: string; mp4: boolean; active: boolean }) {
  const { t } = useTranslation("gallery");
  const play = active && !reducedMotion();
  return (
    <>
      {play &&
        (mp4 ? (
          <video src={imageFileUrl(imageId, "original")} muted autoPlay loop playsInline aria-hidden="true" className="pointer-events-none absolute inset-0 size-full object-cover" />
        ) : (
          <img src={imageFileUrl(imageId, "original")} alt="" className="pointer-events-none absolute inset-0 size-full object-cover" />
        ))}
      <span className="pointer-events-none absolute right-2 bottom-2 inline-flex items-center gap-1 rounded-md bg-black/60 px-1.5 py-0.5 text-xs font-medium text-white">
        <Clapperboard className="size-3.5" aria-hidden="true" /> {t("tile.video")}
      </span>
    </>
  );
}
