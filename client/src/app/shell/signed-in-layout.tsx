import type { ReactNode } from "react";
import { DevMailBanner } from "@/components/dev-mail-banner";
import { AppShell } from "./app-shell";

/**
 * What every signed-in page sits in: the app shell, with the dev-mail banner above the page. The `_app` route
 * renders it, and so does the build's prerendered frame (client/src/app/prerender/entry.tsx), which fixes the
 * sidebar's state (`collapsed`) since it has no device to read it from.
 */
export function SignedInLayout({ children, collapsed }: { children: ReactNode; collapsed?: boolean }) {
  return (
    <AppShell collapsed={collapsed}>
      <DevMailBanner className="-mt-2 mb-4 rounded-lg border" />
      {children}
    </AppShell>
  );
}
