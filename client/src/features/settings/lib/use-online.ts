import { useSyncExternalStore } from "react";

const subscribe = (l: () => void) => {
  window.addEventListener("online", l);
  window.addEventListener("offline", l);
  return () => {
    window.removeEventListener("online", l);
    window.removeEventListener("offline", l);
  };
};

/** Whether the browser says it is online, following changes. */
export const useOnline = () => useSyncExternalStore(subscribe, () => navigator.onLine, () => true);
