import { createFileRoute } from "@tanstack/react-router";
import { titledKey } from "@/app/page-title";
import { ModelsPage } from "@/features/models/components/models-page";

export const Route = createFileRoute("/_app/models/")({
  head: titledKey("models"),
  component: ModelsPage,
});
