import { useQuery } from "@tanstack/react-query";
import { createFileRoute, Outlet, redirect, useRouter } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { SignedInLayout } from "@/app/shell/signed-in-layout";
import { useOfflineRuntime } from "@/app/shell/use-offline-runtime";
import { warmFormatters } from "@/i18n";
import { currentSession, sessionQuery } from "@/lib/session";

/**
 * Every app page needs a session: signed-out visitors go to /sign-in and come back here afterwards.
 * Offline, the last known session (localStorage) lets the installed app open.
 */
export const Route = createFileRoute("/_app")({
  staticData: { i18n: ["notifications", "palette", "search", "settings", "labels", "shortcuts"] },
  beforeLoad: async ({ context, location }) => {
    const session = await currentSession(context.queryClient);
    if (!session) throw redirect({ to: "/sign-in", search: { redirect: location.href } });
    // While the page's data is on the network: the locale data the first render needs, if it needs any.
    setTimeout(() => warmFormatters(session.user.creditsBalance), 0);
    return { session };
  },
  component: AppLayout,
});

function AppLayout() {
  const router = useRouter();
  // Revalidates in the background; a session that ended elsewhere (revoked, expired) sends you to sign in.
  const { data } = useQuery(sessionQuery);
  useOfflineRuntime(data?.user);
  const leaving = useRef(false);
  useEffect(() => {
    if (data !== null || leaving.current) return;
    leaving.current = true;
    const { pathname, href } = router.state.location;
    if (pathname !== "/sign-in") void router.navigate({ to: "/sign-in", search: { redirect: href }, replace: true });
  }, [data, router]);
  return (
    <SignedInLayout>
      <Outlet />
    </SignedInLayout>
  );
}
