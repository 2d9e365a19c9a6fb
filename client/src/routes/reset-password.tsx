import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { ResetPasswordPage } from "@/features/auth/components/reset-password-page";
import { titledKey } from "@/app/page-title";

export const Route = createFileRoute("/reset-password")({
  staticData: { i18n: ["auth"] },
  head: titledKey("resetPassword"),
  validateSearch: z.object({ token: z.string().optional() }),
  component: function ResetPasswordRoute() {
    return <ResetPasswordPage token={Route.useSearch().token} />;
  },
});
