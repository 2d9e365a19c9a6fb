import { ChevronLeft, ChevronRight, Ellipsis } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import type { Neighbours } from "../../hooks/use-neighbours";
import { DownloadButton, FavoriteButton, type ImageActionProps, isMember, SecondaryActions } from "./image-actions-bar";

/**
 * The phone's action bar, under the picture: previous/next, download, favourite and "More actions", a sheet
 * with everything else (rating, remix, the iteration tools, share, delete).
 */
export function ImageActionsCompact({
  neighbours,
  go,
  ...props
}: ImageActionProps & { neighbours: Neighbours; go: (id: string) => void }) {
  const { t } = useTranslation("gallery");
  const [open, setOpen] = useState(false);
  const { prev, next } = neighbours;
  return (
    <div role="group" aria-label={t("actions.label")} className="flex items-center gap-2">
      <Button variant="ghost" size="icon" aria-label={t("actions.previous")} disabled={!prev} onClick={() => prev && go(prev)}>
        <ChevronLeft aria-hidden="true" />
      </Button>
      <Button variant="ghost" size="icon" aria-label={t("actions.next")} disabled={!next} onClick={() => next && go(next)}>
        <ChevronRight aria-hidden="true" />
      </Button>
      <div className="ml-auto flex items-center gap-2">
        {!isMember(props.role) && <FavoriteButton image={props.image} actions={props.actions} iconOnly />}
        <DownloadButton image={props.image} iconOnly />
        <Button
          variant="outline"
          size="icon"
          aria-label={t("actions.more")}
          aria-haspopup="dialog"
          onClick={() => setOpen(true)}
        >
          <Ellipsis aria-hidden="true" />
        </Button>
      </div>
      <Sheet open={open} onOpenChange={setOpen}>
        <SheetContent side="bottom" className="max-h-[85dvh] overflow-y-auto">
          <SheetHeader>
            <SheetTitle>{t("actions.more")}</SheetTitle>
            <SheetDescription className="sr-only">
              {t("actions.moreDescription")}
            </SheetDescription>
          </SheetHeader>
          <div className="flex flex-wrap items-center gap-2 px-4 pb-6">
            <SecondaryActions {...props} />
          </div>
        </SheetContent>
      </Sheet>
    </div>
  );
}
