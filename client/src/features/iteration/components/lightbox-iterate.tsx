import type { LightboxImage } from "@/components/lightbox/slides";
import { ArrowUpCircle, Layers, Scissors, Shuffle } from "lucide-react";
import { useDerive } from "../api/iteration-api";

const btn = "yarl__button inline-grid place-items-center disabled:opacity-40";

/** One-click variation, 2× upscale, remix (same prompt, new seed) and background removal in the lightbox. */
export function LightboxIterate({ image }: { image: LightboxImage }) {
  const derive = useDerive(image.id);
  const busy = derive.isPending;
  return (
    <>
      <button
        type="button"
        className={btn}
        aria-label="Make a variation"
        title="Variation"
        disabled={busy}
        onClick={() => derive.mutate({ kind: "variation", body: { count: 2 } })}
      >
        <Layers className="size-6" aria-hidden="true" />
      </button>
      <button
        type="button"
        className={btn}
        aria-label="Upscale 2×"
        title="Upscale 2×"
        disabled={busy}
        onClick={() => derive.mutate({ kind: "upscale", body: { scale: 2 } })}
      >
        <ArrowUpCircle className="size-6" aria-hidden="true" />
      </button>
      <button
        type="button"
        className={btn}
        aria-label="Remix with a new seed"
        title="Remix"
        disabled={busy}
        onClick={() => derive.mutate({ kind: "remix", body: {} })}
      >
        <Shuffle className="size-6" aria-hidden="true" />
      </button>
      <button
        type="button"
        className={btn}
        aria-label="Remove background"
        title="Remove background"
        disabled={busy}
        onClick={() => derive.mutate({ kind: "remove-background", body: {} })}
      >
        <Scissors className="size-6" aria-hidden="true" />
      </button>
    </>
  );
}

/** For routes: `<LightboxExtrasContext value={lightboxIterate}>`. */
export const lightboxIterate = (image: LightboxImage) => <LightboxIterate image={image} />;
