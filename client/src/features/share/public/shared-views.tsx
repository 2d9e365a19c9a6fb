import type { SharedImage, SharedView } from "@image-studio/shared";
import { Download, Expand, ImageOff } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BlurImage } from "@/components/image/blur-image";
import { ImageLightbox } from "@/components/lightbox/image-lightbox";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, i18n } from "@/i18n";
import { ReviewButtons, ReviewIntro, useShareReview } from "./review-controls";
import { SharedVideo } from "./shared-video";

/** What the lightbox and the tiles need from a shared picture: token-scoped URLs instead of the owner's routes. */
const asLightbox = (img: SharedImage) => ({
  id: img.id,
  width: img.width,
  height: img.height,
  altText: img.altText,
  prompt: img.prompt ?? undefined,
  urls: { preview: img.urls.preview, original: img.urls.original, video: img.urls.video },
  mediaType: img.mediaType,
  format: img.format,
});
const asLightboxSource = (img: SharedImage) => ({
  id: img.id,
  thumbhash: img.thumbhash,
  width: img.width,
  height: img.height,
  altText: img.altText,
});
const altOf = (img: SharedImage, title: string) => img.altText || img.prompt || title || i18n.t("share:views.sharedImage");
const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

function DownloadLink({ image, compact = false }: { image: SharedImage; compact?: boolean }) {
  const { t } = useTranslation("share");
  if (!image.urls.download) return null;
  return (
    <Button asChild size={compact ? "icon" : "sm"} aria-label={compact ? t("views.download") : undefined}>
      <a href={image.urls.download} download>
        <Download aria-hidden="true" /> {!compact && t("views.download")}
      </a>
    </Button>
  );
}

function Expiry({ expiresAt }: { expiresAt: string | null }) {
  const { t } = useTranslation("share");
  if (!expiresAt) return null;
  return <p className="text-xs text-foreground/80">{t("views.availableUntil", { date: formatDateTime(expiresAt, WHEN) })}</p>;
}

/** The prompt and parameters, when the owner chose to show them. */
function PromptDetails({ image }: { image: SharedImage }) {
  const { t } = useTranslation("share");
  if (!image.prompt) return null;
  const params = Object.entries(image.parameters ?? {}).filter(([, v]) =>
    ["string", "number", "boolean"].includes(typeof v),
  );
  return (
    <section aria-label={t("views.howMade")} className="space-y-3 rounded-xl border border-border bg-card p-4 text-sm">
      <div>
        <h2 className="mb-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase">{t("views.prompt")}</h2>
        <p className="whitespace-pre-wrap">{image.prompt}</p>
      </div>
      {image.negativePrompt ? (
        <div>
          <h2 className="mb-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase">{t("views.negativePrompt")}</h2>
          <p className="whitespace-pre-wrap">{image.negativePrompt}</p>
        </div>
      ) : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 font-mono text-xs">
        {image.modelId && (
          <>
            <dt className="text-muted-foreground">{t("views.model")}</dt>
            <dd className="break-all">{image.modelId}</dd>
          </>
        )}
        <dt className="text-muted-foreground">{t("views.size")}</dt>
        <dd>{t("video.size", { width: image.width, height: image.height })}</dd>
        {params.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted-foreground">{k}</dt>
            <dd className="break-all">{String(v)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** One shared image: large, zoomable in the lightbox, with its download and (if allowed) its prompt. */
export function SharedImageView({ view }: { view: SharedView }) {
  const { t } = useTranslation("share");
  const [open, setOpen] = useState(-1);
  const image = view.images[0];
  if (!image) return <EmptyState icon={ImageOff} title={t("views.imageGone")} headingLevel={2} />;
  return (
    <div className="grid gap-6 pt-2 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
      {image.mediaType === "video" ? (
        <SharedVideo image={image} alt={altOf(image, view.title)} />
      ) : (
        <button
          type="button"
          onClick={() => setOpen(0)}
          aria-label={t("views.fullScreen")}
          className="group relative justify-self-center overflow-hidden rounded-2xl border border-border bg-muted shadow-lg focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
          // As large as fits: the full column width, or 75% of the screen's height for tall pictures.
          style={{
            aspectRatio: `${image.width} / ${image.height}`,
            width: `min(100%, calc(75dvh * ${image.width / image.height}))`,
          }}
        >
          <BlurImage
            image={asLightboxSource(image)}
            src={image.urls.preview}
            fit="contain"
            eager
            alt={altOf(image, view.title)}
            className="size-full"
          />
          <span className="absolute top-3 right-3 grid size-9 place-items-center rounded-full bg-black/50 text-white opacity-0 transition-opacity group-hover:opacity-100 group-focus-visible:opacity-100">
            <Expand className="size-4" aria-hidden="true" />
          </span>
        </button>
      )}
      <aside className="space-y-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold tracking-tight text-balance break-words">{view.title}</h1>
          <Expiry expiresAt={view.expiresAt} />
        </div>
        <DownloadLink image={image} />
        <PromptDetails image={image} />
      </aside>
      <ImageLightbox images={[asLightbox(image)]} index={open} onIndexChange={setOpen} onClose={() => setOpen(-1)} />
    </div>
  );
}

/** A shared project or collection: a responsive grid, and the app's lightbox with swipe and zoom (and review, when on). */
export function SharedGalleryView({ view, token }: { view: SharedView; token: string }) {
  const { t } = useTranslation("share");
  const [open, setOpen] = useState(-1);
  const slides = view.images.map(asLightbox);
  const byId = new Map(view.images.map((i) => [i.id, i]));
  const labelOf = (img: SharedImage) => altOf(img, t("views.imageN", { n: view.images.indexOf(img) + 1 }));
  const review = useShareReview(view, token, labelOf);
  const done = view.images.filter((i) => review.summary.get(i.id)?.mine).length;
  return (
    <div className="space-y-6 pt-2">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight text-balance break-words sm:text-3xl">{view.title}</h1>
        {view.description && <p className="max-w-prose text-foreground/80">{view.description}</p>}
        <p className="text-sm text-foreground/80">
          {[t("views.images", { count: view.images.length }), ...(view.allowDownload ? [t("views.downloadsAllowed")] : [])].join(" · ")}
        </p>
        <Expiry expiresAt={view.expiresAt} />
      </div>
      {review.enabled && view.images.length > 0 && <ReviewIntro name={review.reviewer.name} done={done} total={view.images.length} />}
      {view.images.length === 0 ? (
        <EmptyState
          icon={ImageOff}
          title={t("views.emptyTitle")}
          description={t("views.empty")}
        />
      ) : (
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 sm:gap-3 lg:grid-cols-4" aria-label={t("views.listLabel")}>
          {view.images.map((img, i) => (
            <li key={img.id}>
              <button
                type="button"
                onClick={() => setOpen(i)}
                aria-label={t("views.open", { name: altOf(img, t("views.imageN", { n: i + 1 })) })}
                className="block w-full overflow-hidden rounded-xl border border-border transition-transform hover:scale-[1.01] focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
              >
                <BlurImage
                  image={asLightboxSource(img)}
                  src={img.urls.thumb}
                  alt=""
                  className="aspect-square"
                  eager={i < 8}
                />
              </button>
              {review.enabled && <ReviewButtons image={img} label={labelOf(img)} summary={review.summary.get(img.id)} onStart={review.start} />}
            </li>
          ))}
        </ul>
      )}
      <ImageLightbox
        images={slides}
        index={open}
        onIndexChange={setOpen}
        onClose={() => setOpen(-1)}
        actions={(s) => {
          const img = byId.get(s.id);
          if (!img) return null;
          return (
            <>
              {review.enabled && (
                <ReviewButtons
                  compact
                  image={img}
                  label={labelOf(img)}
                  summary={review.summary.get(img.id)}
                  onStart={(i, v) => {
                    // The note and name are asked in a dialog over the page: the viewer closes first.
                    if (v !== "approved" || !review.reviewer.name) setOpen(-1);
                    review.start(i, v);
                  }}
                />
              )}
              <DownloadLink image={img} compact />
            </>
          );
        }}
      />
      {review.dialog}
    </div>
  );
}
