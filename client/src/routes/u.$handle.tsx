import { createFileRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { titleHead } from "@/app/page-title";
import { ProfilePage } from "@/features/community/components/profile-page";
import { PublicFrame } from "@/features/share/public/public-frame";

/** A public profile: the user's published images, outside the signed-in app shell. */
export const Route = createFileRoute("/u/$handle")({
  staticData: { i18n: ["community", "share"] },
  head: ({ params }) => titleHead(`@${params.handle.toLowerCase()}`),
  component: ProfileRoute,
});

function ProfileRoute() {
  const { t } = useTranslation("shell");
  const { handle } = Route.useParams();
  return (
    <PublicFrame badge={t("public.profile")}>
      <ProfilePage key={handle} handle={handle} />
    </PublicFrame>
  );
}
