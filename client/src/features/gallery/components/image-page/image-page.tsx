import type { ImageDetail } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "@tanstack/react-router";
import { ArrowLeft, ImageOff, Trash2 } from "lucide-react";
import { ZoomViewer } from "@/components/lightbox/zoom-viewer";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/api";
import { projectPeopleOptions } from "../../api/people";
import { imageDetailOptions } from "../../api/queries";
import { useImageActions } from "../../hooks/use-image-actions";
import { useImageSwipe } from "../../hooks/use-image-swipe";
import { useMediaQuery } from "@/lib/use-media-query";
import { useNeighbours } from "../../hooks/use-neighbours";
import { CommentsPanel } from "./comments-panel";
import { DetailsEditor } from "./details-editor";
import { ImageActionsBar } from "./image-actions-bar";
import { ImageActionsCompact } from "./image-actions-compact";
import { MetadataPanel } from "./metadata-panel";
import { RelatedImages } from "./related-images";
import { ReviewPanel } from "./review-panel";

/** One image: zoomable viewer, actions, metadata, tags and notes, comments and related images. */
/** `iterate` (iteration slot): quick-iterate buttons the route passes in; features never import each other. */
export function ImagePage({
  imageId,
  iterate,
  share,
  video,
}: {
  imageId: string;
  /** Renders a video (mediaType "video") in place of the zoom viewer. */
  video?: (image: ImageDetail) => ReactNode;
  iterate?: (image: ImageDetail) => ReactNode;
  share?: (image: ImageDetail) => ReactNode;
}) {
  const { t } = useTranslation("gallery");
  const { data: image, isPending, error } = useQuery(imageDetailOptions(imageId));
  const actions = useImageActions();
  // In a project shared with the caller: their role there (the owner's own image answers "owner").
  const role = useQuery(projectPeopleOptions(image?.projectId)).data?.myRole ?? null;
  const navigate = useNavigate();
  const phone = !useMediaQuery("(min-width: 768px)");
  // Below laptop width the picture comes first and the actions fit one compact bar (an overflow sheet for the rest).
  const compact = !useMediaQuery("(min-width: 1024px)");
  const neighbours = useNeighbours(imageId);
  const go = (id: string) => void navigate({ to: "/images/$imageId", params: { imageId: id } });
  const swipeRef = useImageSwipe({
    next: neighbours.next ? () => go(neighbours.next!) : undefined,
    prev: neighbours.prev ? () => go(neighbours.prev!) : undefined,
  });
  if (isPending) {
    return (
      <div aria-busy="true" className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Skeleton className="aspect-square w-full rounded-xl" />
        <Skeleton className="h-96 rounded-xl" />
      </div>
    );
  }
  if (!image) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <EmptyState
        icon={ImageOff}
        title={missing ? t("page.notFound") : t("page.loadFailed")}
        description={missing ? t("page.notFoundHint") : (error?.message ?? "")}
        action={
          <Button asChild>
            <Link to="/gallery">{t("page.back")}</Link>
          </Button>
        }
      />
    );
  }
  return (
    <article className="flex flex-col gap-4 md:gap-6">
      <div className="flex items-center gap-2 md:gap-3">
        <Button
          asChild
          variant="ghost"
          size={phone ? "icon" : "sm"}
          aria-label={phone ? t("page.back") : undefined}
        >
          <Link to="/gallery">
            <ArrowLeft aria-hidden="true" /> {!phone && t("page.gallery")}
          </Link>
        </Button>
        <h1 className="line-clamp-1 min-w-0 flex-1 text-lg font-bold tracking-tight md:text-xl">
          {image.prompt || t("untitled")}
        </h1>
      </div>
      {image.deletedAt && (
        <p className="flex items-center gap-2 rounded-xl border border-warning/40 bg-warning/10 px-4 py-2 text-sm text-warning-strong">
          <Trash2 className="size-4" aria-hidden="true" /> {t("page.inTrash")}
        </p>
      )}
      {/* Phones and tablets: the picture first, then a compact bar; laptops: the whole bar above the picture. */}
      {!compact && <ImageActionsBar image={image} actions={actions} iterate={iterate} share={share} role={role} />}
      <div className="grid gap-4 md:gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="flex min-w-0 flex-col gap-3">
          {image.mediaType === "video" && video ? (
            video(image)
          ) : (
            <div ref={swipeRef} className="touch-pan-y">
              <ZoomViewer
                image={image}
                className="h-[min(60dvh,calc(100vw+4rem))] min-h-72 md:h-[60dvh] md:min-h-80 lg:h-[calc(100dvh-14rem)]"
              />
            </div>
          )}
          {compact && (
            <ImageActionsCompact image={image} actions={actions} iterate={iterate} share={share} role={role} neighbours={neighbours} go={go} />
          )}
        </div>
        <aside aria-label={t("page.details")} className="flex flex-col gap-6 rounded-xl border border-border bg-card p-4">
          <MetadataPanel image={image} />
          <DetailsEditor key={image.id} image={image} actions={actions} />
        </aside>
      </div>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <RelatedImages imageId={image.id} />
        <div className="flex flex-col gap-8">
          <ReviewPanel imageId={image.id} />
          <CommentsPanel imageId={image.id} />
        </div>
      </div>
    </article>
  );
}
