import { createFileRoute } from "@tanstack/react-router";
import { BookText } from "lucide-react";
import { PageHeader } from "@/app/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const Route = createFileRoute("/_app/prompts")({
  component: PromptsPage,
});

function PromptsPage() {
  return (
    <>
      <PageHeader title="Prompts" />
      <EmptyState icon={BookText} title="Your prompt library is empty" description="Save prompts you like, organise them in categories and reuse them in one click." />
    </>
  );
}
