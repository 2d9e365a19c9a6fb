import type { ImageDetail, ProjectAccessRole } from "@image-studio/shared";
import { Link, useNavigate } from "@tanstack/react-router";
import { ArrowUpCircle, Download, Heart, Layers, RotateCcw, Share2, Shuffle, Trash2 } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { cn } from "@/lib/cn";
import type { ImageActions } from "../../hooks/use-image-actions";
import { RatingStars } from "./rating-stars";

export interface ImageActionProps {
  image: ImageDetail;
  actions: ImageActions;
  iterate?: (image: ImageDetail) => ReactNode;
  /** share slot: the route passes the share feature's button (features never import each other). */
  share?: (image: ImageDetail) => ReactNode;
  /** The caller's role when the image is in a project shared with them ("owner" or unset: their own image). */
  role?: ProjectAccessRole | null;
}

/** A team member acts on the owner's image: rating, iteration and trash for editors and up; favourites, editing and share links stay the owner's. */
export const isMember = (role: ProjectAccessRole | null | undefined) => !!role && role !== "owner";
const canEdit = (role: ProjectAccessRole | null | undefined) => !isMember(role) || role === "editor" || role === "admin";

/** An action whose endpoint another part of the product has not shipped yet: visible, explained, disabled. */
function Coming({ icon, label }: { icon: ReactNode; label: string }) {
  const { t } = useTranslation("gallery");
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <span tabIndex={0} className="rounded-lg">
          <Button variant="outline" size="sm" disabled aria-disabled="true" className="pointer-events-none">
            {icon} {label}
          </Button>
        </span>
      </TooltipTrigger>
      <TooltipContent>{t("actions.coming", { label })}</TooltipContent>
    </Tooltip>
  );
}

export function DownloadButton({ image, iconOnly = false }: { image: ImageDetail; iconOnly?: boolean }) {
  const { t } = useTranslation("gallery");
  return (
    <Button asChild size={iconOnly ? "icon" : "sm"} aria-label={iconOnly ? t("actions.download") : undefined}>
      <a href={image.urls.download} download>
        <Download aria-hidden="true" /> {!iconOnly && t("actions.download")}
      </a>
    </Button>
  );
}

export function FavoriteButton({
  image,
  actions,
  iconOnly = false,
}: {
  image: ImageDetail;
  actions: ImageActions;
  iconOnly?: boolean;
}) {
  const { t } = useTranslation("gallery");
  const label = image.isFavorite ? t("actions.favourite") : t("actions.addFavourite");
  return (
    <Button
      variant="outline"
      size={iconOnly ? "icon" : "sm"}
      aria-pressed={image.isFavorite}
      aria-label={iconOnly ? label : undefined}
      onClick={() => actions.favorite.mutate({ ids: [image.id], favorite: !image.isFavorite })}
    >
      <Heart className={cn(image.isFavorite && "fill-accent text-accent")} aria-hidden="true" />
      {!iconOnly && label}
    </Button>
  );
}

/** Rating, remix, the iteration tools, share and delete: the whole bar on larger screens, the overflow on phones. */
export function SecondaryActions({ image, actions, iterate, share, role }: ImageActionProps) {
  const { t } = useTranslation("gallery");
  if (isMember(role)) return <MemberActions image={image} actions={actions} iterate={iterate} role={role} />;
  return (
    <>
      <RatingStars value={image.rating} onChange={(rating) => actions.rate.mutate({ id: image.id, rating })} />
      {/* A video's model animates images; remixing its prompt in the studio would pick a text-to-image model. */}
      {image.mediaType !== "video" && (
        <Button asChild variant="outline" size="sm">
          <Link
            to="/studio"
            search={{ prompt: image.prompt, negativePrompt: image.negativePrompt || undefined, modelId: image.modelId }}
          >
            <Shuffle aria-hidden="true" /> {t("actions.remix")}
          </Link>
        </Button>
      )}
      {/* iteration slot: variation, upscale, remix, background removal, … when the route provides them */}
      {iterate ? (
        iterate(image)
      ) : (
        <>
          <Coming icon={<Layers aria-hidden="true" />} label={t("actions.variation")} />
          <Coming icon={<ArrowUpCircle aria-hidden="true" />} label={t("actions.upscale")} />
        </>
      )}
      {share && image.deletedAt === null ? share(image) : <Coming icon={<Share2 aria-hidden="true" />} label={t("actions.share")} />}
      {image.deletedAt !== null ? (
        <Button variant="secondary" size="sm" onClick={() => actions.restore.mutate({ ids: [image.id] })}>
          <RotateCcw aria-hidden="true" /> {t("actions.restore")}
        </Button>
      ) : (
        <TrashButton image={image} actions={actions} />
      )}
    </>
  );
}

/**
 * What a team member may do with a shared project's image: rate, iterate (charged to them, the result stays in the
 * project) and move to the trash — editors and up.
 */
function MemberActions({ image, actions, iterate, role }: Pick<ImageActionProps, "image" | "actions" | "iterate" | "role">) {
  const { t } = useTranslation("gallery");
  if (!canEdit(role)) return <p className="text-xs text-muted-foreground">{t("actions.viewerOnly")}</p>;
  return (
    <>
      <RatingStars value={image.rating} onChange={(rating) => actions.rate.mutate({ id: image.id, rating })} />
      {iterate?.(image)}
      <TrashButton image={image} actions={actions} />
    </>
  );
}

/** Moves the image to the trash and returns to the gallery. */
function TrashButton({ image, actions }: Pick<ImageActionProps, "image" | "actions">) {
  const { t } = useTranslation("gallery");
  const navigate = useNavigate();
  return (
    <Button
      variant="destructive"
      size="sm"
      onClick={() => {
        actions.trash.mutate({ ids: [image.id] });
        void navigate({ to: "/gallery" });
      }}
    >
      <Trash2 aria-hidden="true" /> {t("actions.delete")}
    </Button>
  );
}

/** Download, favourite, rate, remix, variation, upscale, share and delete for one image. */
export function ImageActionsBar(props: ImageActionProps) {
  const { t } = useTranslation("gallery");
  return (
    <div role="group" aria-label={t("actions.label")} className="flex flex-wrap items-center gap-2">
      <DownloadButton image={props.image} />
      {!isMember(props.role) && <FavoriteButton image={props.image} actions={props.actions} />}
      <SecondaryActions {...props} />
    </div>
  );
}
