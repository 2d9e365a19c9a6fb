import { type ImageVariant, imageFileUrl } from "@image-studio/shared";
import { type CSSProperties, useState } from "react";
import { useTranslation } from "react-i18next";
import { cn } from "@/lib/cn";
import { filesRedirected } from "@/lib/file-delivery";
import { thumbhashDataUrl } from "./thumbhash";

export interface BlurImageSource {
  id: string;
  thumbhash: string | null;
  width: number;
  height: number;
  altText?: string;
  prompt?: string;
}

interface BlurImageProps {
  image: BlurImageSource;
  variant?: ImageVariant;
  /** cover crops to the box (grid tiles); contain letterboxes (previews). */
  fit?: "cover" | "contain";
  /** Lazy unless the image is above the fold. */
  eager?: boolean;
  className?: string;
  imgClassName?: string;
  style?: CSSProperties;
  /** Alt text override; by default the image's alt text, else its prompt. */
  alt?: string;
  /** A URL other than the owner's file route (e.g. a share link's token-scoped URL). */
  src?: string;
  /**
   * Only the image, no box of its own: the caller's positioned box carries the placeholder
   * (`placeholderStyle`) and clips — one element less per gallery tile.
   */
  bare?: boolean;
}

/** The ThumbHash as a box's background, sized like the image will be (the loaded image covers it). */
export function placeholderStyle(image: Pick<BlurImageSource, "thumbhash">, fit: "cover" | "contain" = "cover"): CSSProperties {
  const placeholder = thumbhashDataUrl(image.thumbhash);
  return placeholder ? { backgroundImage: `url(${placeholder})`, backgroundSize: fit, backgroundPosition: "center", backgroundRepeat: "no-repeat" } : {};
}

/**
 * An image that starts as its ThumbHash (a blurred colour sketch decoded locally, no network) and fades to the
 * real thumbnail once it has loaded. Lazy-loaded and decoded off the main thread.
 *
 * The owner's file route is asked for in CORS mode while the browser says it is online: the service worker's
 * static routes send exactly those requests to the network and the HTTP cache without running the worker
 * (sw/static-routes.ts) — unless the server hands files out as redirects to its bucket, which no cache keeps. If
 * that load fails — the server away while the browser thinks it is online, a bucket without CORS — the image asks
 * once more the plain way, which the worker answers from the device's copies and its caches; only when that fails
 * too is the image shown as unavailable.
 */
export function BlurImage({ image, variant = "thumb-256", fit = "cover", eager, className, imgClassName, style, alt, src: srcOverride, bare }: BlurImageProps) {
  const { t } = useTranslation("common");
  const src = srcOverride ?? imageFileUrl(image.id, variant);
  const [loadedSrc, setLoadedSrc] = useState<string | null>(null);
  // Read once, when the image mounts: a picture already shown does not care, and a failed one retries below.
  // A server that redirects files to its bucket keeps them on the worker's route (lib/file-delivery.ts).
  const [direct, setDirect] = useState(() => !srcOverride && typeof navigator !== "undefined" && navigator.onLine !== false && !filesRedirected());
  const [failed, setFailed] = useState(false);
  const loaded = loadedSrc === src;
  const img = !failed && (
    <img
      // A new element for the retry: the plain request is a different load, not an attribute change mid-load.
      key={direct ? "direct" : "worker"}
      src={src}
      crossOrigin={direct ? "anonymous" : undefined}
      alt={alt ?? (image.altText || image.prompt || t("image.generated"))}
      width={image.width}
      height={image.height}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      draggable={false}
      onLoad={() => setLoadedSrc(src)}
      onError={() => (direct ? setDirect(false) : setFailed(true))}
      className={cn(
        "size-full transition-opacity duration-300 ease-in-out",
        fit === "cover" ? "object-cover" : "object-contain",
        loaded ? "opacity-100" : "opacity-0",
        bare && className,
        imgClassName,
      )}
    />
  );
  const unavailable = failed && <span className="absolute inset-0 grid place-items-center text-xs text-muted-foreground">{t("image.unavailable")}</span>;
  if (bare) {
    return (
      <>
        {img}
        {unavailable}
      </>
    );
  }
  return (
    <div className={cn("relative overflow-hidden bg-muted", className)} style={{ ...style, ...(loaded ? {} : placeholderStyle(image, fit)) }}>
      {img}
      {unavailable}
    </div>
  );
}
