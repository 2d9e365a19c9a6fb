import { useCallback, useSyncExternalStore } from "react";

const KEY = "image-studio:iteration:lock-seed";
const listeners = new Set<() => void>();
/** Used when localStorage is unavailable (private mode, blocked storage). */
let memory = false;

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === "1";
  } catch {
    return memory;
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => e.key === KEY && listener();
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/**
 * "Keep the seed" for every iteration (variation, upscale, remix, style transfer, …). It is remembered on this
 * device, so walking down a family tree keeps the same seed until you unlock it.
 */
export function useLockSeed(): [boolean, (locked: boolean) => void] {
  const locked = useSyncExternalStore(subscribe, read, () => false);
  const set = useCallback((next: boolean) => {
    memory = next;
    try {
      if (next) localStorage.setItem(KEY, "1");
      else localStorage.removeItem(KEY);
    } catch {
      // storage unavailable: `memory` keeps the choice for this visit
    }
    for (const l of listeners) l();
  }, []);
  return [locked, set];
}
