import { createFileRoute } from "@tanstack/react-router";
import { Bell, Bot, CloudOff, CreditCard, KeyRound, Lock, type LucideIcon, SlidersHorizontal, UserRound } from "lucide-react";
import { z } from "zod";
import { PageHeader } from "@/app/shell/page-header";
import { OfflineSettings } from "@/components/offline/offline-settings";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { AccountTab } from "@/features/account/components/account-tab";
import { ServerStorageCard } from "@/features/account/components/server-storage-card";
import { BillingTab } from "@/features/usage/components/billing-tab";
import { DeveloperTab } from "@/features/developer/components/developer-tab";
import { NotificationPreferences } from "@/features/notifications/components/notification-preferences";
import { ModelsTab } from "@/features/settings/components/models-tab";
import { PreferencesTab } from "@/features/settings/components/preferences-tab";
import { PrivacyTab } from "@/features/settings/components/privacy-tab";
import { PublicProfileSection } from "@/features/community/components/public-profile-section";
import { titled } from "@/app/page-title";

const TABS = ["account", "preferences", "offline", "models", "notifications", "privacy", "api-keys", "billing"] as const;
type Tab = (typeof TABS)[number];

const LABELS: Record<Tab, { label: string; icon: LucideIcon }> = {
  account: { label: "Account", icon: UserRound },
  preferences: { label: "Preferences", icon: SlidersHorizontal },
  offline: { label: "Offline & storage", icon: CloudOff },
  models: { label: "Models", icon: Bot },
  notifications: { label: "Notifications", icon: Bell },
  privacy: { label: "Privacy & data", icon: Lock },
  "api-keys": { label: "API keys", icon: KeyRound },
  billing: { label: "Billing", icon: CreditCard },
};


export const Route = createFileRoute("/_app/settings")({
  head: titled("Settings"),
  validateSearch: z.object({ tab: z.enum(TABS).optional().catch(undefined) }),
  component: SettingsPage,
});

function SettingsPage() {
  const { tab = "account" } = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <>
      <PageHeader title="Settings" description="Your account, security and how Image Studio behaves." />
      <Tabs value={tab} onValueChange={(v) => void navigate({ search: { tab: v as Tab }, replace: true })}>
        <div className="-mx-4 overflow-x-auto px-4 pb-1 md:mx-0 md:px-0">
          <TabsList aria-label="Settings sections">
            {TABS.map((t) => {
              const { label, icon: Icon } = LABELS[t];
              return (
                <TabsTrigger key={t} value={t} className="flex-none">
                  <Icon aria-hidden="true" /> {label}
                </TabsTrigger>
              );
            })}
          </TabsList>
        </div>
        <TabsContent value="account" className="mt-3">
          <AccountTab />
        </TabsContent>
        <TabsContent value="preferences" className="mt-3">
          <PreferencesTab />
        </TabsContent>
        <TabsContent value="offline" className="mt-3">
          <div className="grid gap-6">
            <ServerStorageCard />
            <OfflineSettings />
          </div>
        </TabsContent>
        <TabsContent value="api-keys" className="mt-3">
          <DeveloperTab />
        </TabsContent>
        <TabsContent value="notifications" className="mt-3">
          <NotificationPreferences />
        </TabsContent>
        <TabsContent value="models" className="mt-3">
          <ModelsTab />
        </TabsContent>
        <TabsContent value="privacy" className="mt-3 grid gap-6">
          <PublicProfileSection />
          <PrivacyTab />
        </TabsContent>
        <TabsContent value="billing" className="mt-3">
          <BillingTab />
        </TabsContent>
      </Tabs>
    </>
  );
}
