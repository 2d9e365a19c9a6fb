import { createFileRoute, redirect } from "@tanstack/react-router";
import { searchParams, text } from "@/lib/search-params";
import { SignInPage } from "@/features/auth/components/sign-in-page";
import { safeRedirect, sessionQuery } from "@/lib/session";
import { titledKey } from "@/app/page-title";

const search = searchParams({ redirect: text(), error: text() });

export const Route = createFileRoute("/sign-in")({
  staticData: { i18n: ["auth"] },
  head: titledKey("signIn"),
  validateSearch: search,
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery).catch(() => null);
    if (session) throw redirect({ to: safeRedirect(search.redirect) });
  },
  component: function SignInRoute() {
    const { redirect: to, error } = Route.useSearch();
    return <SignInPage redirect={to} oauthError={error} />;
  },
});
