import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";

export interface SelectModifiers {
  /** Shift: select the range from the last clicked image. */
  range?: boolean;
  /** Ctrl/Cmd (or selection mode): add or remove this one image. */
  toggle?: boolean;
}

/**
 * What a click on an image means: shift selects a range, ctrl/cmd (or any click while selecting) toggles it,
 * otherwise null — open the preview.
 */
export function clickSelection(e: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }, selecting: boolean): SelectModifiers | null {
  if (e.shiftKey) return { range: true };
  if (e.ctrlKey || e.metaKey || selecting) return { toggle: true };
  return null;
}

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) || el.closest("[role=dialog]") !== null);

/** Multi-select over the loaded images: click, shift-click ranges, Ctrl/Cmd-A, Escape to clear. */
export function useSelection(ids: string[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const anchor = useRef<number | null>(null);
  // `select` reads the ids through a ref, so it keeps one identity while pages are appended: the memoised tiles
  // that receive it are not all re-rendered each time another hundred images arrive.
  const idsRef = useRef(ids);
  useLayoutEffect(() => {
    idsRef.current = ids;
  }, [ids]);

  const select = useCallback((index: number, mod: SelectModifiers = {}) => {
    const all = idsRef.current;
    const id = all[index];
    if (!id) return;
    setSelected((prev) => {
      const next = new Set(prev);
      if (mod.range && anchor.current !== null) {
        const [a, b] = [Math.min(anchor.current, index), Math.max(anchor.current, index)];
        for (let i = a; i <= b; i++) next.add(all[i]!);
        return next;
      }
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    if (!mod.range) anchor.current = index;
  }, []);
  const clear = useCallback(() => {
    setSelected(new Set());
    anchor.current = null;
  }, []);
  const selectAll = useCallback(() => setSelected(new Set(idsRef.current)), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "a") {
        e.preventDefault();
        selectAll();
      } else if (e.key === "Escape" && selected.size) clear();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [selectAll, clear, selected.size]);

  // Images that left the list (deleted, restored, filtered out) leave the selection too. Nothing is computed
  // over the whole list while nothing is selected (appending a page to 100k images stays cheap).
  const live = useMemo(() => {
    if (!selected.size) return [];
    const present = new Set(ids);
    return [...selected].filter((id) => present.has(id));
  }, [selected, ids]);
  const liveSet = useMemo(() => new Set(live), [live]);
  return { selected: live, isSelected: (id: string) => liveSet.has(id), select, selectAll, clear, count: live.length };
}

export type Selection = ReturnType<typeof useSelection>;
