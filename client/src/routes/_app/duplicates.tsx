import { createFileRoute } from "@tanstack/react-router";
import { DuplicatesPage } from "@/features/gallery/components/duplicates-page";

export const Route = createFileRoute("/_app/duplicates")({
  component: DuplicatesPage,
});
