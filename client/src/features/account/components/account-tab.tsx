import { useQuery } from "@tanstack/react-query";
import { Skeleton } from "@/components/ui/skeleton";
import { sessionQuery } from "@/lib/session";
import { ConnectedAccountsCard } from "./connected-accounts-card";
import { DangerZoneCard } from "./danger-zone-card";
import { GuestUpgradeCard } from "./guest-upgrade-card";
import { PasswordCard } from "./password-card";
import { ProfileCard } from "./profile-card";
import { SessionsCard } from "./sessions-card";
import { TwoFactorCard } from "./two-factor-card";

/** Settings → Account: profile and photo, password, two-factor, devices, linked sign-ins, export and deletion. */
export function AccountTab() {
  const { data } = useQuery(sessionQuery);
  if (!data) {
    return (
      <div className="grid max-w-3xl gap-6">
        <Skeleton className="h-72 rounded-xl" />
        <Skeleton className="h-48 rounded-xl" />
      </div>
    );
  }
  const { user } = data;
  if (user.isGuest) {
    return (
      <div className="grid max-w-3xl gap-6">
        <GuestUpgradeCard />
        <SessionsCard user={user} />
      </div>
    );
  }
  return (
    <div className="grid max-w-3xl gap-6">
      <ProfileCard user={user} />
      <PasswordCard user={user} />
      <TwoFactorCard user={user} />
      <SessionsCard user={user} />
      <ConnectedAccountsCard />
      <DangerZoneCard user={user} />
    </div>
  );
}
