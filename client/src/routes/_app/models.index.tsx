import { createFileRoute } from "@tanstack/react-router";
import { titledKey } from "@/app/page-title";
import { ModelsPage } from "@/features/models/components/models-page";

export const Route = createFileRoute("/_app/models/")({
  staticData: { i18n: ["models"] },
  head: titledKey("models"),
  component: ModelsPage,
});
