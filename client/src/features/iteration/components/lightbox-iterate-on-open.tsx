import { lazy, Suspense } from "react";
import type { LightboxImage } from "@/components/lightbox/slides";

// The iteration buttons (and the style-transfer dialog, sliders and job dock behind them) only show inside an open
// lightbox: their code loads when it first opens, not with the page (13 files before the gallery's first paint).
const LightboxIterate = lazy(() => import("./lightbox-iterate").then((m) => ({ default: m.LightboxIterate })));

/** For routes: `<LightboxExtrasContext value={lightboxIterateOnOpen}>` — `lightboxIterate`, loaded on first use. */
export const lightboxIterateOnOpen = (image: LightboxImage) =>
  // A video is iterated on through its frames (saved from its page), not directly.
  image.mediaType === "video" ? null : (
    <Suspense fallback={null}>
      <LightboxIterate image={image} />
    </Suspense>
  );
