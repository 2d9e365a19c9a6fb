import { createFileRoute } from "@tanstack/react-router";
import { SharedLinksPage } from "@/features/share/components/shared-links-page";
import { titledKey } from "@/app/page-title";

export const Route = createFileRoute("/_app/shared")({
  head: titledKey("shared"),
  component: SharedLinksPage,
});
