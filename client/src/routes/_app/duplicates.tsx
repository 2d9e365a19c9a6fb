import { createFileRoute } from "@tanstack/react-router";
import { DuplicatesPage } from "@/features/gallery/components/duplicates-page";
import { titledKey } from "@/app/page-title";

export const Route = createFileRoute("/_app/duplicates")({
  staticData: { i18n: ["gallery"] },
  head: titledKey("duplicates"),
  component: DuplicatesPage,
});
