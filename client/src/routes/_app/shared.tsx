import { createFileRoute } from "@tanstack/react-router";
import { SharedLinksPage } from "@/features/share/components/shared-links-page";
import { titledKey } from "@/app/page-title";

export const Route = createFileRoute("/_app/shared")({
  staticData: { i18n: ["share"] },
  head: titledKey("shared"),
  component: SharedLinksPage,
});
