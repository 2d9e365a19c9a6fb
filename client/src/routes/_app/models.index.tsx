import { createFileRoute } from "@tanstack/react-router";
import { titled } from "@/app/page-title";
import { ModelsPage } from "@/features/models/components/models-page";

export const Route = createFileRoute("/_app/models/")({
  head: titled("Models"),
  component: ModelsPage,
});
