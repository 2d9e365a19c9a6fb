import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import Lightbox from "yet-another-react-lightbox";
import Inline from "yet-another-react-lightbox/plugins/inline";
import Zoom from "yet-another-react-lightbox/plugins/zoom";
import "yet-another-react-lightbox/styles.css";
import { cn } from "@/lib/cn";
import { type LightboxImage, toSlide } from "./slides";

/** One image, inline, with zoom buttons, wheel/pinch/double-tap zoom and drag to pan (the image page). */
export function ZoomViewer({ image, className }: { image: LightboxImage; className?: string }) {
  const { t } = useTranslation("common");
  const imageAlt = t("image.generated");
  const videoAlt = t("image.video");
  const slides = useMemo(() => [toSlide(image, { image: imageAlt, video: videoAlt })], [image, imageAlt, videoAlt]);
  // Whether the picture is zoomed in: the image page's swipe reads it (then a drag pans instead of changing images).
  const [zoomed, setZoomed] = useState(false);
  return (
    <div className={cn("overflow-hidden rounded-xl border border-border bg-surface", className)} data-zoomed={zoomed ? "true" : undefined}>
      <Lightbox
        slides={slides}
        plugins={[Inline, Zoom]}
        inline={{ style: { width: "100%", height: "100%" } }}
        carousel={{ finite: true, padding: 0 }}
        zoom={{ scrollToZoom: false, maxZoomPixelRatio: 3, doubleClickMaxStops: 3 }}
        controller={{ disableSwipeNavigation: true }}
        on={{ zoom: ({ zoom }) => setZoomed(zoom > 1) }}
        render={{ buttonPrev: () => null, buttonNext: () => null }}
        labels={{ "Zoom in": t("lightbox.zoomIn"), "Zoom out": t("lightbox.zoomOut") }}
        styles={{ container: { backgroundColor: "transparent" }, button: { filter: "none" } }}
        className="image-zoom-viewer"
      />
    </div>
  );
}
