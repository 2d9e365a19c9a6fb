import { createFileRoute } from "@tanstack/react-router";
import { searchParams, text } from "@/lib/search-params";
import { VerifyEmailPage } from "@/features/auth/components/verify-email-page";
import { titledKey } from "@/app/page-title";

export const Route = createFileRoute("/verify-email")({
  staticData: { i18n: ["auth"] },
  head: titledKey("verifyEmail"),
  validateSearch: searchParams({ token: text(), email: text() }),
  component: function VerifyEmailRoute() {
    const { token, email } = Route.useSearch();
    return <VerifyEmailPage token={token} email={email} />;
  },
});
