import { useQuery } from "@tanstack/react-query";
import { Mail, X } from "lucide-react";
import { useState } from "react";
import { Link } from "@tanstack/react-router";
import { authConfigQuery, sessionQuery } from "@/lib/session";
import { cn } from "@/lib/cn";

const DISMISS_KEY = "image-studio:dev-mail-banner";

/** How to reach the dev mailbox: by default only a browser on the server's own machine may read it. */
export function DevMailboxHint({ className }: { className?: string }) {
  return (
    <p className={cn("text-xs text-muted-foreground", className)}>
      It opens only in a browser on the server's own machine. To read it from another device, like your phone, start the
      server with <code className="font-mono">DEV_MAILBOX=open</code> — only on a network you trust.
    </p>
  );
}

/** Tells people that mail stays on this machine (no SMTP configured) and where to read it. */
export function DevMailBanner({ className }: { className?: string }) {
  const { data } = useQuery(authConfigQuery);
  const { data: session } = useQuery(sessionQuery);
  const [dismissed, setDismissed] = useState(() => localStorage.getItem(DISMISS_KEY) === "1");
  // Guests have no mail (their address is a placeholder) until they create an account.
  if (!data?.devMailbox || dismissed || session?.user.isGuest) return null;
  return (
    <div
      role="status"
      className={cn(
        "flex items-center gap-2 border-b border-warning/30 bg-warning/10 px-4 py-2 text-sm text-foreground",
        className,
      )}
    >
      <Mail className="size-4 shrink-0 text-warning-strong" aria-hidden="true" />
      <p className="min-w-0 flex-1">
        <span className="font-medium">Email is local.</span>{" "}
        <span className="hidden sm:inline">No mail server is configured, so messages</span>
        <span className="sm:hidden">Messages</span> land in the{" "}
        <Link
          to="/dev/mailbox"
          className="font-medium text-primary-strong underline underline-offset-4 hover:no-underline"
        >
          dev mailbox
        </Link>
        <span className="hidden sm:inline">
          , which opens on the server's own machine (from other devices only if the server was started with{" "}
          <code className="font-mono text-xs">DEV_MAILBOX=open</code>)
        </span>
        .
      </p>
      <button
        type="button"
        className="inline-flex size-7 shrink-0 cursor-pointer pointer-coarse:size-11 items-center justify-center rounded-md text-muted-foreground transition-colors duration-200 hover:bg-muted hover:text-foreground"
        aria-label="Dismiss"
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
