import { type PointerEvent as ReactPointerEvent, useEffect, useRef, useState } from "react";
import { i18n } from "@/i18n";

const HISTORY = 30;

/**
 * A mask painted at the source image's pixel size: white = repaint, black = keep. Pointer events cover mouse,
 * pen (pressure scales the brush) and touch; every finished stroke is one undo step.
 */
export function useMaskCanvas(width: number, height: number) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const undo = useRef<ImageData[]>([]);
  const redo = useRef<ImageData[]>([]);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [brush, setBrush] = useState(Math.max(8, Math.round(Math.min(width, height) / 20)));
  const [erase, setErase] = useState(false);
  const [counts, setCounts] = useState<[number, number]>([0, 0]);
  const bump = () => setCounts([undo.current.length, redo.current.length]);

  const ctx = () => canvasRef.current?.getContext("2d", { willReadFrequently: true }) ?? null;

  useEffect(() => {
    const c = ctx();
    if (!c) return;
    c.fillStyle = "#000";
    c.fillRect(0, 0, width, height);
    undo.current = [];
    redo.current = [];
  }, [width, height]);

  const snapshot = () => {
    const c = ctx();
    if (!c) return;
    undo.current.push(c.getImageData(0, 0, width, height));
    if (undo.current.length > HISTORY) undo.current.shift();
    redo.current = [];
    bump();
  };

  const point = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * width, y: ((e.clientY - r.top) / r.height) * height };
  };

  const stroke = (from: { x: number; y: number }, to: { x: number; y: number }, pressure: number) => {
    const c = ctx();
    if (!c) return;
    c.strokeStyle = erase ? "#000" : "#fff";
    c.lineCap = "round";
    c.lineJoin = "round";
    c.lineWidth = brush * (pressure > 0 && pressure !== 0.5 ? 0.5 + pressure : 1);
    c.beginPath();
    c.moveTo(from.x, from.y);
    c.lineTo(to.x, to.y);
    c.stroke();
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0 && e.pointerType === "mouse") return;
    e.currentTarget.setPointerCapture(e.pointerId);
    snapshot();
    const p = point(e);
    last.current = p;
    stroke(p, p, e.pressure);
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (!last.current) return;
    const p = point(e);
    stroke(last.current, p, e.pressure);
    last.current = p;
  };
  const onPointerUp = () => {
    last.current = null;
  };

  const swap = (from: ImageData[], to: ImageData[]) => {
    const c = ctx();
    const prev = from.pop();
    if (!c || !prev) return;
    to.push(c.getImageData(0, 0, width, height));
    c.putImageData(prev, 0, 0);
    bump();
  };

  const invert = () => {
    const c = ctx();
    if (!c) return;
    snapshot();
    const img = c.getImageData(0, 0, width, height);
    for (let i = 0; i < img.data.length; i += 4) {
      const v = 255 - img.data[i]!;
      img.data[i] = img.data[i + 1] = img.data[i + 2] = v;
      img.data[i + 3] = 255;
    }
    c.putImageData(img, 0, 0);
  };

  const clear = () => {
    const c = ctx();
    if (!c) return;
    snapshot();
    c.fillStyle = "#000";
    c.fillRect(0, 0, width, height);
  };

  /** True when some pixel is painted (something to repaint). */
  const hasPaint = () => {
    const c = ctx();
    if (!c) return false;
    const d = c.getImageData(0, 0, width, height).data;
    for (let i = 0; i < d.length; i += 4) if (d[i]! > 127) return true;
    return false;
  };

  const toBlob = () =>
    new Promise<Blob>((resolve, reject) => {
      const canvas = canvasRef.current;
      if (!canvas) return reject(new Error(i18n.t("iteration:mask.noMask")));
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(i18n.t("iteration:mask.exportFailed")))), "image/png");
    });

  return {
    canvasRef,
    brush,
    setBrush,
    erase,
    setErase,
    canUndo: counts[0] > 0,
    canRedo: counts[1] > 0,
    undo: () => swap(undo.current, redo.current),
    redo: () => swap(redo.current, undo.current),
    invert,
    clear,
    hasPaint,
    toBlob,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp },
  };
}
