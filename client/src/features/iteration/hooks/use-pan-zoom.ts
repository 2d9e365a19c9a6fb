import { type PointerEvent as ReactPointerEvent, type WheelEvent as ReactWheelEvent, useRef, useState } from "react";

export interface View {
  scale: number;
  x: number;
  y: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Wheel/pinch-free pan and zoom shared by several panes (one state, many surfaces): synced by construction. */
export function usePanZoom(min = 1, max = 8) {
  const [view, setView] = useState<View>({ scale: 1, x: 0, y: 0 });
  const drag = useRef<{ id: number; x: number; y: number } | null>(null);

  const zoomAt = (factor: number, cx = 0, cy = 0) =>
    setView((v) => {
      const scale = clamp(v.scale * factor, min, max);
      const k = scale / v.scale;
      return scale === min ? { scale, x: 0, y: 0 } : { scale, x: cx - (cx - v.x) * k, y: cy - (cy - v.y) * k };
    });

  const onWheel = (e: ReactWheelEvent<HTMLElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    zoomAt(e.deltaY < 0 ? 1.2 : 1 / 1.2, e.clientX - r.left - r.width / 2, e.clientY - r.top - r.height / 2);
  };
  const onPointerDown = (e: ReactPointerEvent<HTMLElement>) => {
    if (view.scale === 1) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY };
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    drag.current = { id: d.id, x: e.clientX, y: e.clientY };
    setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  return {
    view,
    zoomIn: () => zoomAt(1.5),
    zoomOut: () => zoomAt(1 / 1.5),
    reset: () => setView({ scale: 1, x: 0, y: 0 }),
    style: {
      transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})`,
      transformOrigin: "center",
    } as const,
    handlers: { onWheel, onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp },
  };
}
