import { createFileRoute } from "@tanstack/react-router";
import { searchParams, text } from "@/lib/search-params";
import { ResetPasswordPage } from "@/features/auth/components/reset-password-page";
import { titledKey } from "@/app/page-title";

export const Route = createFileRoute("/reset-password")({
  staticData: { i18n: ["auth"] },
  head: titledKey("resetPassword"),
  validateSearch: searchParams({ token: text() }),
  component: function ResetPasswordRoute() {
    return <ResetPasswordPage token={Route.useSearch().token} />;
  },
});
