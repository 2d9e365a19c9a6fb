import { createFileRoute } from "@tanstack/react-router";
import { SharePage } from "@/features/share/public/share-page";
import { titled } from "@/app/page-title";

/** A public share page: outside the signed-in app shell, no account needed. */
export const Route = createFileRoute("/s/$token")({
  head: titled("Shared with you"),
  component: ShareRoute,
});

function ShareRoute() {
  const { token } = Route.useParams();
  return <SharePage token={token} />;
}
