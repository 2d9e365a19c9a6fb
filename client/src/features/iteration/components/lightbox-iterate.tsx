import type { LightboxImage } from "@/components/lightbox/slides";
import { ArrowUpCircle, Layers, Palette, Scissors, Shuffle } from "lucide-react";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDerive } from "../api/iteration-api";
import { useLockSeed } from "../hooks/use-lock-seed";
import { IterationDock } from "./iteration-jobs";
import { StyleTransferDialog } from "./style-transfer-dialog";

const btn = "yarl__button inline-grid place-items-center disabled:opacity-40";
/** The dialog renders in a portal, but React still bubbles its events to the lightbox: keep keys and drags out. */
const stop = (e: SyntheticEvent) => e.stopPropagation();

/**
 * One-click variation, 2× upscale, remix (same prompt, new seed) and background removal in the lightbox, and
 * style transfer with a reference picture. "Keep seed" (set on the image page) applies here too. Their progress
 * and results show in place, docked in the viewer's corner.
 */
export function LightboxIterate({ image }: { image: LightboxImage }) {
  const { t } = useTranslation("iteration");
  const derive = useDerive(image.id);
  const [lockSeed] = useLockSeed();
  const [styleOpen, setStyleOpen] = useState(false);
  const busy = derive.isPending;
  return (
    <>
      <button
        type="button"
        className={btn}
        aria-label={t("lightbox.variationLabel")}
        title={t("quick.variation")}
        disabled={busy}
        onClick={() => derive.mutate({ kind: "variation", body: { count: 2, lockSeed } })}
      >
        <Layers className="size-6" aria-hidden="true" />
      </button>
      <button
        type="button"
        className={btn}
        aria-label={t("lightbox.upscale2")}
        title={t("lightbox.upscale2")}
        disabled={busy}
        onClick={() => derive.mutate({ kind: "upscale", body: { scale: 2, lockSeed } })}
      >
        <ArrowUpCircle className="size-6" aria-hidden="true" />
      </button>
      <button
        type="button"
        className={btn}
        aria-label={t("tile.remixNewSeed")}
        title={t("kind.remix")}
        disabled={busy}
        onClick={() => derive.mutate({ kind: "remix", body: {} })}
      >
        <Shuffle className="size-6" aria-hidden="true" />
      </button>
      <button
        type="button"
        className={btn}
        aria-label={t("quick.removeBackground")}
        title={t("quick.removeBackground")}
        disabled={busy}
        onClick={() => derive.mutate({ kind: "remove-background", body: {} })}
      >
        <Scissors className="size-6" aria-hidden="true" />
      </button>
      <button
        type="button"
        className={btn}
        aria-label={t("quick.styleTransfer")}
        title={t("quick.styleTransfer")}
        onClick={() => setStyleOpen(true)}
      >
        <Palette className="size-6" aria-hidden="true" />
      </button>
      <span className="contents" onKeyDown={stop} onPointerDown={stop} onWheel={stop}>
        <IterationDock sourceId={image.id} tone="dark" />
      </span>
      {styleOpen && (
        <span className="contents" onKeyDown={stop} onPointerDown={stop} onWheel={stop}>
          <StyleTransferDialog imageId={image.id} lockSeed={lockSeed} open onOpenChange={setStyleOpen} />
        </span>
      )}
    </>
  );
}
