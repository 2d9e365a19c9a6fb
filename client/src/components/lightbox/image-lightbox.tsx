import { type ComponentType, lazy, Suspense, useContext, useState } from "react";
import { afterLoadWhenIdle } from "@/lib/next-task";
import { LightboxExtrasContext } from "./lightbox-extras";
import type { ImageLightboxProps } from "./lightbox-viewer";
import type { LightboxImage } from "./slides";

export type { ImageLightboxProps } from "./lightbox-viewer";

/**
 * The viewer (yet-another-react-lightbox, its zoom and video plugins, the swipe gestures and their styles) is a chunk
 * of its own: a page that can open it does not load or evaluate it before its first paint (docs/decisions/
 * performance.md, "The lightbox on use"). It is fetched when the browser is idle after the page's load, so the first
 * open does not wait for the network, and it is in the offline precache like every chunk.
 */
const loadViewer = () => import("./lightbox-viewer");
const Viewer = lazy(() => loadViewer().then((m) => ({ default: m.LightboxViewer as ComponentType<ImageLightboxProps<LightboxImage>> })));

if (typeof window !== "undefined") void afterLoadWhenIdle().then(() => loadViewer().catch(() => undefined));

/**
 * The shared full-screen viewer (gallery, collections, shared links, community): nothing is rendered until it is
 * first opened; after that it stays mounted, so closing it plays its fade-out.
 */
export function ImageLightbox<T extends LightboxImage>(props: ImageLightboxProps<T>) {
  const extras = useContext(LightboxExtrasContext); // iteration slot (quick-iterate buttons)
  const [used, setUsed] = useState(props.index >= 0);
  if (!used && props.index >= 0) setUsed(true);
  if (!used) return null;
  const Loaded = Viewer as unknown as ComponentType<ImageLightboxProps<T>>;
  return (
    <Suspense fallback={null}>
      <Loaded extras={extras} {...props} />
    </Suspense>
  );
}
