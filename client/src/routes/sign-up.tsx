import { createFileRoute, redirect } from "@tanstack/react-router";
import { searchParams, text } from "@/lib/search-params";
import { SignUpPage } from "@/features/auth/components/sign-up-page";
import { safeRedirect, sessionQuery } from "@/lib/session";
import { titledKey } from "@/app/page-title";

const search = searchParams({ redirect: text() });

export const Route = createFileRoute("/sign-up")({
  staticData: { i18n: ["auth"] },
  head: titledKey("signUp"),
  validateSearch: search,
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery).catch(() => null);
    if (session) throw redirect({ to: safeRedirect(search.redirect) });
  },
  component: function SignUpRoute() {
    return <SignUpPage redirect={Route.useSearch().redirect} />;
  },
});
