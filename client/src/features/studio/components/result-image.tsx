import type { Job } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, ExternalLink, Heart } from "lucide-react";
import { useContext } from "react";
import { toast } from "sonner";
import { IterateSlotContext } from "@/components/image/iterate-slot";
import { BlurImage } from "@/components/image/blur-image";
import { isLocalModel } from "@/components/model/engine-label";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { imageQuery, imageUrls, setFavorite } from "../api/images";
import { SpaLink } from "./spa-link";
import { useTranslation } from "react-i18next";

interface ResultImageProps {
  imageId: string;
  index: number;
  count: number;
  prompt: string;
  modelId: string;
  seed?: number;
  width: number;
  height: number;
  /** A job started from this image's iterate menu. */
  onDerived?: (job: Job) => void;
}

const iconButton = cn(buttonVariants({ variant: "outline", size: "icon" }), "size-8 bg-background/90 backdrop-blur");

/**
 * One generated image: ThumbHash blur-up into the preview; favourite, iterate, download and open on hover/focus
 * (always on touch).
 */
export function ResultImage({ imageId, index, count, prompt, modelId, seed, width, height, onDerived }: ResultImageProps) {
  const { t } = useTranslation("studio");
  const iterate = useContext(IterateSlotContext); // iteration slot: the gallery's quick iterations
  const queryClient = useQueryClient();
  const urls = imageUrls(imageId);
  const detail = useQuery(imageQuery(imageId));
  const favorite = detail.data?.isFavorite ?? false;
  const fav = useMutation({
    mutationFn: (next: boolean) => setFavorite(imageId, next),
    onMutate: (next) => {
      const before = queryClient.getQueryData(imageQuery(imageId).queryKey);
      if (before) queryClient.setQueryData(imageQuery(imageId).queryKey, { ...before, isFavorite: next });
      return { before };
    },
    onSuccess: (image) => queryClient.setQueryData(imageQuery(imageId).queryKey, image),
    onError: (e, _next, context) => {
      if (context?.before) queryClient.setQueryData(imageQuery(imageId).queryKey, context.before);
      toast.error(e.message);
    },
  });
  const kind = isLocalModel(modelId) ? t("result.sketch") : t("result.generated");
  const alt = t("result.alt", { kind, n: index + 1, total: count, text: (detail.data?.altText || prompt).slice(0, 200) });
  return (
    <figure className="group relative overflow-hidden rounded-lg border border-border transition-[box-shadow,transform] duration-300 ease-in-out hover:shadow-md motion-safe:hover:scale-[1.01]">
      <BlurImage
        image={{ id: imageId, thumbhash: detail.data?.thumbhash ?? null, width: detail.data?.width ?? width, height: detail.data?.height ?? height }}
        variant="preview-768"
        alt={alt}
        eager={index < 2}
        className="w-full"
        style={{ aspectRatio: `${detail.data?.width ?? width} / ${detail.data?.height ?? height}` }}
      />
      {favorite && (
        <span className="absolute top-2 left-2 grid size-6 place-items-center rounded-full bg-background/90 text-accent-strong shadow-sm">
          <Heart className="size-3.5 fill-current" aria-hidden="true" />
          <span className="sr-only">{t("result.favourite")}</span>
        </span>
      )}
      {seed !== undefined && <figcaption className="sr-only">{t("result.seed", { seed })}</figcaption>}
      <div className="absolute right-2 bottom-2 flex gap-1.5 opacity-0 transition-opacity duration-200 group-focus-within:opacity-100 group-hover:opacity-100 [@media(hover:none)]:opacity-100">
        <button
          type="button"
          className={cn(iconButton, favorite && "text-accent-strong")}
          aria-pressed={favorite}
          aria-label={t("result.favouriteN", { n: index + 1 })}
          disabled={!detail.data}
          onClick={() => fav.mutate(!favorite)}
        >
          <Heart className={cn("size-4", favorite && "fill-current")} aria-hidden="true" />
        </button>
        {iterate?.({ id: imageId, width: detail.data?.width ?? width, height: detail.data?.height ?? height, prompt, label: t("result.imageN", { n: index + 1 }) }, onDerived)}
        <a className={iconButton} href={urls.download} download aria-label={t("result.download", { n: index + 1 })}>
          <Download className="size-4" aria-hidden="true" />
        </a>
        <SpaLink className={iconButton} href={urls.page} aria-label={t("result.open", { n: index + 1 })}>
          <ExternalLink className="size-4" aria-hidden="true" />
        </SpaLink>
      </div>
    </figure>
  );
}
