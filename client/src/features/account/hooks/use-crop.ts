import { useCallback, useState } from "react";

export interface CropState {
  zoom: number;
  /** Image top-left relative to the viewport's top-left, in screen px (≤ 0). */
  x: number;
  y: number;
}

export const MAX_ZOOM = 4;

/**
 * Square cropping of an image of natural size w×h shown in a viewport of `view` px: the image always covers
 * the viewport; `crop()` answers the chosen square in the image's own pixels (what the server cuts out).
 */
export function useCrop(natural: { w: number; h: number } | null, view: number) {
  const [state, setState] = useState<CropState>({ zoom: 1, x: 0, y: 0 });
  const baseScale = natural ? view / Math.min(natural.w, natural.h) : 1;
  const scale = baseScale * state.zoom;

  const clamp = useCallback(
    (s: CropState): CropState => {
      if (!natural) return s;
      const sc = baseScale * s.zoom;
      const minX = view - natural.w * sc;
      const minY = view - natural.h * sc;
      return { zoom: s.zoom, x: Math.min(0, Math.max(minX, s.x)), y: Math.min(0, Math.max(minY, s.y)) };
    },
    [natural, baseScale, view],
  );

  /** Centres the image (call when a new image has loaded). */
  const reset = useCallback(
    (n: { w: number; h: number }) => {
      const sc = view / Math.min(n.w, n.h);
      setState({ zoom: 1, x: (view - n.w * sc) / 2, y: (view - n.h * sc) / 2 });
    },
    [view],
  );

  const pan = useCallback(
    (dx: number, dy: number) => setState((s) => clamp({ ...s, x: s.x + dx, y: s.y + dy })),
    [clamp],
  );

  /** Zooms around the viewport centre. */
  const setZoom = useCallback(
    (zoom: number) =>
      setState((s) => {
        const z = Math.min(MAX_ZOOM, Math.max(1, zoom));
        const oldScale = baseScale * s.zoom;
        const newScale = baseScale * z;
        const cx = (view / 2 - s.x) / oldScale;
        const cy = (view / 2 - s.y) / oldScale;
        return clamp({ zoom: z, x: view / 2 - cx * newScale, y: view / 2 - cy * newScale });
      }),
    [baseScale, view, clamp],
  );

  const crop = useCallback(() => {
    if (!natural) return undefined;
    const size = Math.min(view / scale, natural.w, natural.h);
    const x = Math.min(Math.max(0, -state.x / scale), natural.w - size);
    const y = Math.min(Math.max(0, -state.y / scale), natural.h - size);
    return { x: Math.floor(x), y: Math.floor(y), size: Math.floor(size) };
  }, [natural, view, scale, state.x, state.y]);

  return { state, scale, pan, setZoom, reset, crop };
}
