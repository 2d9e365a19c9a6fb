import { formatDuration, type SharedImage } from "@image-studio/shared";
import { useTranslation } from "react-i18next";

const reducedMotion = () => typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;

/**
 * A shared video on its public page: MP4 in a native <video> (poster, controls, muted, no autoplay); the local
 * engine's animated WebP as a moving picture — its still poster when the visitor prefers reduced motion.
 */
export function SharedVideo({ image, alt }: { image: SharedImage; alt: string }) {
  const { t } = useTranslation("share");
  const clip = image.urls.video;
  const caption = [
    t("video.label"),
    ...(image.durationSeconds ? [formatDuration(image.durationSeconds)] : []),
    t("video.size", { width: image.width, height: image.height }),
  ];
  const mp4 = image.format === "mp4";
  return (
    <figure
      className="flex flex-col gap-2 justify-self-center"
      style={{ width: `min(100%, calc(75dvh * ${image.width / image.height}))` }}
    >
      <div
        className="overflow-hidden rounded-2xl border border-border bg-muted shadow-lg"
        style={{ aspectRatio: `${image.width} / ${image.height}` }}
      >
        {clip && mp4 ? (
          <video
            src={clip}
            poster={image.urls.preview}
            controls
            muted
            loop
            playsInline
            preload="metadata"
            aria-label={alt}
            className="size-full object-contain"
          />
        ) : (
          <img
            src={clip && !reducedMotion() ? clip : image.urls.preview}
            alt={alt}
            width={image.width}
            height={image.height}
            className="size-full object-contain"
          />
        )}
      </div>
      <figcaption className="text-xs text-foreground/80">
        {caption.join(" · ")}
      </figcaption>
    </figure>
  );
}
