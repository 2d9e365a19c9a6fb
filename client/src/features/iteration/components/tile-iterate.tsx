import type { Job } from "@image-studio/shared";
import { ArrowUpCircle, Layers, Palette, Scissors, Shuffle, Wand2 } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { IterateSlotImage } from "@/components/image/iterate-slot";
import { buttonVariants } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/cn";
import { useDerive } from "../api/iteration-api";
import { useLockSeed } from "../hooks/use-lock-seed";
import { StyleTransferDialog } from "./style-transfer-dialog";


/**
 * The lightbox's quick iterations (variation, 2× upscale, remix with a new seed, background removal, style
 * transfer) as a menu on an image tile; "Keep seed" applies as everywhere. Each job goes to `onQueued`.
 */
export function TileIterate({ image, onQueued }: { image: IterateSlotImage; onQueued?: (job: Job) => void }) {
  const { t } = useTranslation("iteration");
  const derive = useDerive(image.id, { onQueued });
  const [lockSeed] = useLockSeed();
  const [styleOpen, setStyleOpen] = useState(false);
  const busy = derive.isPending;
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger className={cn(buttonVariants({ variant: "outline", size: "icon" }), "size-8 bg-background/90 backdrop-blur")} aria-label={t("tile.iterateOn", { label: image.label.toLowerCase() })} disabled={busy}>
          <Wand2 className="size-4" aria-hidden="true" />
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuLabel>{t("tile.iterate")}</DropdownMenuLabel>
          <DropdownMenuItem onSelect={() => derive.mutate({ kind: "variation", body: { count: 2, lockSeed } })}>
            <Layers aria-hidden="true" /> {t("quick.variation")}
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => derive.mutate({ kind: "upscale", body: { scale: 2, lockSeed } })}>
            <ArrowUpCircle aria-hidden="true" /> {t("tile.upscale2", { width: image.width * 2, height: image.height * 2 })}
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => derive.mutate({ kind: "remix", body: {} })}>
            <Shuffle aria-hidden="true" /> {t("tile.remixNewSeed")}
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => derive.mutate({ kind: "remove-background", body: {} })}>
            <Scissors aria-hidden="true" /> {t("quick.removeBackground")}
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setStyleOpen(true)}>
            <Palette aria-hidden="true" /> {t("tile.styleTransfer")}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {styleOpen && <StyleTransferDialog imageId={image.id} lockSeed={lockSeed} open onOpenChange={setStyleOpen} onQueued={onQueued} />}
    </>
  );
}

/** For routes: `<IterateSlotContext value={tileIterate}>`. */
export const tileIterate = (image: IterateSlotImage, onQueued?: (job: Job) => void) => <TileIterate image={image} onQueued={onQueued} />;
