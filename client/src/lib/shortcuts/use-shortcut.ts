import { useEffect, useLayoutEffect, useRef, useSyncExternalStore } from "react";
import type { ShortcutId } from "./definitions";
import { type ShortcutHandler, shortcuts } from "./registry";

/** Runs `handler` for the shortcut while the component is mounted (and `enabled`). */
export function useShortcut(id: ShortcutId, handler: ShortcutHandler, enabled = true) {
  const ref = useRef(handler);
  useLayoutEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    return shortcuts.on(id, (e) => ref.current(e));
  }, [id, enabled]);
}

/** The current binding of a shortcut, following the user's changes. */
export function useBinding(id: ShortcutId): string {
  return useSyncExternalStore(
    (l) => shortcuts.subscribe(l),
    () => shortcuts.bindingOf(id),
  );
}

/** Re-renders when any binding changes. */
export function useBindingsVersion(): Partial<Record<ShortcutId, string>> {
  return useSyncExternalStore(
    (l) => shortcuts.subscribe(l),
    () => shortcuts.overrides,
  );
}
