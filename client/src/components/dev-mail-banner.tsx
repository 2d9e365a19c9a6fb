import { useQuery } from "@tanstack/react-query";
import { Mail, X } from "lucide-react";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "@tanstack/react-router";
import { authConfigQuery, sessionQuery } from "@/lib/session";
import { cn } from "@/lib/cn";

/** Where a dismissal is kept (app.html's inline script reads it too, for a prerendered page). */
export const DISMISS_KEY = "image-studio:dev-mail-banner";

/** How to reach the dev mailbox: by default only a browser on the server's own machine may read it. */
export function DevMailboxHint({ className }: { className?: string }) {
  const { t } = useTranslation("common");
  return (
    <p className={cn("text-xs text-muted-foreground", className)}>
      <Trans t={t} i18nKey="devMail.hint" components={{ code: <code className="font-mono" /> }} />
    </p>
  );
}

/** Dismissed on this device (false where storage is blocked, and in the build's prerender: no storage there). */
function readDismissed(): boolean {
  try {
    return localStorage.getItem(DISMISS_KEY) === "1";
  } catch {
    return false;
  }
}

/** Tells people that mail stays on this machine (no SMTP configured) and where to read it. */
export function DevMailBanner({ className }: { className?: string }) {
  const { data } = useQuery(authConfigQuery);
  const { data: session } = useQuery(sessionQuery);
  const { t } = useTranslation("common");
  const [dismissed, setDismissed] = useState(readDismissed);
  // Guests have no mail (their address is a placeholder) until they create an account.
  if (!data?.devMailbox || dismissed || session?.user.isGuest) return null;
  return (
    <div
      role="status"
      // A prerendered page hides it before the first paint when it was dismissed here (client/app.html).
      data-dev-mail-banner=""
      className={cn(
        "flex items-center gap-2 border-b border-warning/30 bg-warning/10 px-4 py-2 text-sm text-foreground",
        className,
      )}
    >
      <Mail className="size-4 shrink-0 text-warning-strong" aria-hidden="true" />
      <p className="min-w-0 flex-1">
        <Trans
          t={t}
          i18nKey="devMail.banner"
          components={{
            strong: <span className="font-medium" />,
            wide: <span className="hidden sm:inline" />,
            narrow: <span className="sm:hidden" />,
            mailbox: (
              <Link
                to="/dev/mailbox"
                className="font-medium text-primary-strong underline underline-offset-4 hover:no-underline"
              />
            ),
            code: <code className="font-mono text-xs" />,
          }}
        />
      </p>
      <button
        type="button"
        className="inline-flex size-7 shrink-0 cursor-pointer pointer-coarse:size-11 items-center justify-center rounded-md text-muted-foreground transition-colors duration-200 hover:bg-muted hover:text-foreground"
        aria-label={t("devMail.dismiss")}
        onClick={() => {
          // Remembered on this device: the hint is the same every visit.
          localStorage.setItem(DISMISS_KEY, "1");
          setDismissed(true);
        }}
      >
        <X className="size-4" aria-hidden="true" />
      </button>
    </div>
  );
}
