import { useEffect } from "react";

/** Ctrl/Cmd + Enter runs `generate` from anywhere on the page (not from inside other dialogs). */
export function useGenerateShortcut(generate: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key !== "Enter" || e.repeat) return;
      const t = e.target instanceof Element ? e.target : null;
      if (t?.closest('[role="dialog"]:not([data-studio-sheet]), [role="alertdialog"]')) return;
      e.preventDefault();
      generate();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [generate]);
}
