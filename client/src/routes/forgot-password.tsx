import { createFileRoute } from "@tanstack/react-router";
import { ForgotPasswordPage } from "@/features/auth/components/forgot-password-page";
import { titled } from "@/app/page-title";

export const Route = createFileRoute("/forgot-password")({
  head: titled("Forgot password"),
  component: ForgotPasswordPage,
});
