import { createFileRoute } from "@tanstack/react-router";
import { DevMailboxPage } from "@/features/auth/components/dev-mailbox-page";
import { titledKey } from "@/app/page-title";

export const Route = createFileRoute("/dev/mailbox")({
  staticData: { i18n: ["auth"] },
  head: titledKey("devMailbox"),
  component: DevMailboxPage,
});
