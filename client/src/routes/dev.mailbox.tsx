import { createFileRoute } from "@tanstack/react-router";
import { DevMailboxPage } from "@/features/auth/components/dev-mailbox-page";
import { titled } from "@/app/page-title";

export const Route = createFileRoute("/dev/mailbox")({
  head: titled("Dev mailbox"),
  component: DevMailboxPage,
});
