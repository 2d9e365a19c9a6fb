import { type ReactNode, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import Lightbox, { type ControllerRef, type ZoomRef } from "yet-another-react-lightbox";
import Video from "yet-another-react-lightbox/plugins/video";
import Zoom from "yet-another-react-lightbox/plugins/zoom";
import "yet-another-react-lightbox/styles.css";
import { type LightboxImage, toSlide } from "./slides";
import { type SwipeActions, useLightboxSwipe } from "./use-swipe";

export interface ImageLightboxProps<T extends LightboxImage> {
  images: T[];
  /** The open image's index, or -1 when closed. */
  index: number;
  onIndexChange: (index: number) => void;
  onClose: () => void;
  /** Extra toolbar buttons for the current image (favourite, open page, download…). */
  actions?: (image: T) => ReactNode;
  /** Called when the viewer gets near the last loaded image, to load more. */
  onNearEnd?: () => void;
  /** The iteration slot's buttons (LightboxExtrasContext, read by the ImageLightbox that loads this viewer). */
  extras?: ((image: LightboxImage) => ReactNode) | null;
}

/** Mounted inside the lightbox so it can find its container and attach the touch gestures. */
function SwipeLayer({ actions }: { actions: SwipeActions }) {
  const anchor = useLightboxSwipe(actions);
  return <span ref={anchor} hidden />;
}

/**
 * The full-screen viewer that ImageLightbox loads on first use: zoom by wheel, pinch and double-tap, arrow keys,
 * swipe left/right/down on touch screens, neighbours preloaded, the 768 px preview first and the original when
 * zoomed.
 */
export function LightboxViewer<T extends LightboxImage>({ images, index, onIndexChange, onClose, actions, onNearEnd, extras }: ImageLightboxProps<T>) {
  const { t } = useTranslation("common");
  const imageAlt = t("image.generated");
  const videoAlt = t("image.video");
  const slides = useMemo(() => images.map((img) => toSlide(img, { image: imageAlt, video: videoAlt })), [images, imageAlt, videoAlt]);
  const controller = useRef<ControllerRef>(null);
  const zoom = useRef<ZoomRef>(null);
  const current = index >= 0 ? images[index] : undefined;
  const swipe: SwipeActions = {
    next: () => controller.current?.next(),
    prev: () => controller.current?.prev(),
    close: () => controller.current?.close(),
    zoomed: () => (zoom.current?.zoom ?? 1) > 1.01,
  };
  return (
    <Lightbox
      open={index >= 0}
      index={Math.max(0, index)}
      close={onClose}
      slides={slides}
      plugins={[Zoom, Video]}
      carousel={{ finite: true, preload: 2, padding: "16px" }}
      controller={{ ref: controller, disableSwipeNavigation: true, closeOnPullDown: false, closeOnBackdropClick: false }}
      zoom={{ ref: zoom, scrollToZoom: true, maxZoomPixelRatio: 2, doubleClickMaxStops: 2 }}
      animation={{ fade: 250, swipe: 250 }}
      on={{
        view: ({ index: i }) => {
          if (i !== index) onIndexChange(i);
          if (onNearEnd && i >= images.length - 4) onNearEnd();
        },
      }}
      labels={{ Previous: t("lightbox.previous"), Next: t("lightbox.next"), Close: t("lightbox.close"), "Zoom in": t("lightbox.zoomIn"), "Zoom out": t("lightbox.zoomOut") }}
      toolbar={{
        buttons: [
          current && extras ? <span key="extras" className="contents">{extras(current)}</span> : null, // iteration slot
          current && actions ? <span key="actions" className="contents">{actions(current)}</span> : null,
          "zoom",
          "close",
        ],
      }}
      render={{
        controls: () => <SwipeLayer actions={swipe} />,
        slideFooter: ({ slide }) =>
          slide === slides[index] && current?.prompt ? (
            <p className="pointer-events-none absolute inset-x-0 bottom-0 line-clamp-2 bg-linear-to-t from-black/80 to-transparent px-6 pt-10 pb-4 text-center text-sm text-white">
              {current.prompt}
            </p>
          ) : null,
      }}
      styles={{ container: { backgroundColor: "rgb(3 7 18 / 0.94)" } }}
    />
  );
}
