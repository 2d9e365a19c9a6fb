import { createFileRoute } from "@tanstack/react-router";
import { SharePage } from "@/features/share/public/share-page";
import { titledKey } from "@/app/page-title";

/** A public share page: outside the signed-in app shell, no account needed. */
export const Route = createFileRoute("/s/$token")({
  staticData: { i18n: ["share"] },
  head: titledKey("sharedWithYou"),
  component: ShareRoute,
});

function ShareRoute() {
  const { token } = Route.useParams();
  return <SharePage token={token} />;
}
