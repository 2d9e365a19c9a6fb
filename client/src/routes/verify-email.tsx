import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { VerifyEmailPage } from "@/features/auth/components/verify-email-page";
import { titledKey } from "@/app/page-title";

export const Route = createFileRoute("/verify-email")({
  staticData: { i18n: ["auth"] },
  head: titledKey("verifyEmail"),
  validateSearch: z.object({ token: z.string().optional(), email: z.string().optional() }),
  component: function VerifyEmailRoute() {
    const { token, email } = Route.useSearch();
    return <VerifyEmailPage token={token} email={email} />;
  },
});
