import { CircleCheck, CircleX, Info, TriangleAlert } from "lucide-react";
import * as React from "react";
import { useTranslation } from "react-i18next";
import { Toaster as Sonner, toast, type ToasterProps } from "sonner";
import { Spinner } from "./spinner";

type Theme = "light" | "dark";

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

const readTheme = (): Theme => (document.documentElement.classList.contains("dark") ? "dark" : "light");

/** Follows the `.dark` class on <html> (set by lib/theme), so toasts switch with the app, not just the OS. */
function useDocumentTheme(): Theme {
  return React.useSyncExternalStore(subscribe, readTheme, () => "light");
}

/**
 * Sonner's outlet only hears toasts raised after it subscribed; this one loads lazily (routes/__root.tsx), so a
 * toast raised before it mounted — a save confirmed right after the page opened — would be lost. Those still
 * active are shown once it is there (the outlet's own effect, which subscribes, runs before this parent's).
 */
function useToastsRaisedBeforeMount() {
  React.useEffect(() => {
    for (const early of toast.getToasts()) {
      if ("dismiss" in early) continue;
      // Same id: sonner updates its record and tells the (now subscribed) outlet, type and options kept.
      toast.message(early.title as React.ReactNode, early);
    }
  }, []);
}

/** The app's single toast outlet: mount once at the root; raise toasts with `toast()` from "sonner". */
function Toaster(props: ToasterProps) {
  useToastsRaisedBeforeMount();
  const theme = useDocumentTheme();
  const { t } = useTranslation("common");
  return (
    <Sonner
      theme={theme}
      className="toaster group"
      position="bottom-right"
      closeButton
      containerAriaLabel={t("ui.notifications")}
      icons={{
        success: <CircleCheck className="size-4 text-success-strong" aria-hidden="true" />,
        info: <Info className="size-4 text-primary-strong" aria-hidden="true" />,
        warning: <TriangleAlert className="size-4 text-warning-strong" aria-hidden="true" />,
        error: <CircleX className="size-4 text-destructive-strong" aria-hidden="true" />,
        loading: <Spinner className="text-muted-foreground" aria-hidden="true" />,
      }}
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
          "--border-radius": "0.75rem",
        } as React.CSSProperties
      }
      toastOptions={{
        classNames: {
          toast: "font-sans shadow-lg",
          title: "font-medium",
          description: "text-muted-foreground!",
          actionButton: "bg-primary-solid! text-primary-foreground! font-medium!",
          cancelButton: "bg-muted! text-foreground!",
          closeButton: "bg-popover! text-muted-foreground! border-border! hover:text-foreground!",
        },
      }}
      {...props}
    />
  );
}

export { Toaster };
