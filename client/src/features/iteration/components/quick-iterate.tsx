import { Link } from "@tanstack/react-router";
import { ArrowUpCircle, Clapperboard, Columns2, Expand, GitFork, Layers, Paintbrush, Palette, RotateCw, Scissors, Shuffle } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Switch } from "@/components/ui/switch";
import { useDerive } from "../api/iteration-api";
import { useLockSeed } from "../hooks/use-lock-seed";
import { AnimateDialog } from "./animate-dialog";
import { MaskEditorDialog } from "./mask-editor";
import { OutpaintDialog } from "./outpaint-dialog";
import { RemixDialog } from "./remix-dialog";
import { type RerunImage, RunAgainDialog } from "./run-again-dialog";
import { StyleTransferDialog } from "./style-transfer-dialog";
import type { IterableImage } from "./types";

type Dialogs = "remix" | "inpaint" | "outpaint" | "style" | "again" | "animate" | null;

/**
 * Variation, upscale, remix and background removal in one click; style transfer, inpaint/outpaint, run again
 * with one change, compare and the tree. "Keep seed" applies to all of them and is remembered.
 */
export function QuickIterate({
  image,
  compact = false,
}: {
  image: IterableImage & { prompt: string } & Partial<RerunImage & { operation: string }>;
  compact?: boolean;
}) {
  const { t } = useTranslation("iteration");
  const derive = useDerive(image.id);
  const [lockSeed, setLockSeed] = useLockSeed();
  const [dialog, setDialog] = useState<Dialogs>(null);
  const close = (open: boolean) => !open && setDialog(null);
  const busy = derive.isPending;
  const rerun: RerunImage | null =
    image.operation === "text-to-image" && image.modelId && image.parameters
      ? { prompt: image.prompt, negativePrompt: image.negativePrompt ?? "", modelId: image.modelId, parameters: image.parameters, width: image.width, height: image.height }
      : null;
  return (
    <>
      <label className="inline-flex items-center gap-2 rounded-lg border border-border px-2 py-1 text-sm" title={t("quick.keepSeedTitle")}>
        <Switch checked={lockSeed} onCheckedChange={setLockSeed} aria-label={t("quick.keepSeedLabel")} /> {t("quick.keepSeed")}
      </label>
      <Button
        variant="outline"
        size="sm"
        disabled={busy}
        onClick={() => derive.mutate({ kind: "variation", body: { count: 2, lockSeed } })}
      >
        <Layers aria-hidden="true" /> {t("quick.variation")}
      </Button>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm" disabled={busy}>
            <ArrowUpCircle aria-hidden="true" /> {t("quick.upscale")}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuLabel>{t("quick.enlarge")}</DropdownMenuLabel>
          {([2, 4, 8] as const).map((scale) => (
            <DropdownMenuItem key={scale} onSelect={() => derive.mutate({ kind: "upscale", body: { scale, lockSeed } })}>
              {t("quick.upscaleOption", { scale, width: image.width * scale, height: image.height * scale })}
            </DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
      <Button variant="outline" size="sm" onClick={() => setDialog("remix")}>
        <Shuffle aria-hidden="true" /> {t("quick.remix")}
      </Button>
      <Button
        variant="outline"
        size="sm"
        disabled={busy}
        onClick={() => derive.mutate({ kind: "remove-background", body: {} })}
      >
        <Scissors aria-hidden="true" /> {t("quick.removeBackground")}
      </Button>
      <Button variant="outline" size="sm" onClick={() => setDialog("style")}>
        <Palette aria-hidden="true" /> {t("quick.styleTransfer")}
      </Button>
      <Button variant="outline" size="sm" onClick={() => setDialog("animate")}>
        <Clapperboard aria-hidden="true" /> {t("quick.animate")}
      </Button>
      {!compact && (
        <>
          {rerun && (
            <Button variant="outline" size="sm" onClick={() => setDialog("again")}>
              <RotateCw aria-hidden="true" /> {t("quick.runAgain")}
            </Button>
          )}
          <Button variant="outline" size="sm" onClick={() => setDialog("inpaint")}>
            <Paintbrush aria-hidden="true" /> {t("quick.inpaint")}
          </Button>
          <Button variant="outline" size="sm" onClick={() => setDialog("outpaint")}>
            <Expand aria-hidden="true" /> {t("quick.outpaint")}
          </Button>
          <Button asChild variant="ghost" size="sm">
            <Link to="/compare" search={{ a: image.id }}>
              <Columns2 aria-hidden="true" /> {t("quick.compare")}
            </Link>
          </Button>
          <Button asChild variant="ghost" size="sm">
            <Link to="/lineage/$imageId" params={{ imageId: image.id }}>
              <GitFork aria-hidden="true" /> {t("quick.familyTree")}
            </Link>
          </Button>
        </>
      )}
      {dialog === "remix" && <RemixDialog imageId={image.id} prompt={image.prompt} lockSeed={lockSeed} open onOpenChange={close} />}
      {dialog === "style" && <StyleTransferDialog imageId={image.id} lockSeed={lockSeed} open onOpenChange={close} />}
      {dialog === "animate" && <AnimateDialog imageId={image.id} prompt={image.prompt} lockSeed={lockSeed} open onOpenChange={close} />}
      {dialog === "again" && rerun && <RunAgainDialog image={rerun} open onOpenChange={close} />}
      {dialog === "inpaint" && <MaskEditorDialog image={image} open onOpenChange={close} />}
      {dialog === "outpaint" && <OutpaintDialog image={image} open onOpenChange={close} />}
    </>
  );
}
