import { createFileRoute } from "@tanstack/react-router";
import { ForgotPasswordPage } from "@/features/auth/components/forgot-password-page";
import { titledKey } from "@/app/page-title";

export const Route = createFileRoute("/forgot-password")({
  staticData: { i18n: ["auth"] },
  head: titledKey("forgotPassword"),
  component: ForgotPasswordPage,
});
