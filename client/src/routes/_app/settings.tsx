import { createFileRoute } from "@tanstack/react-router";
import { Bell, Bot, CloudOff, CreditCard, KeyRound, Lock, type LucideIcon, SlidersHorizontal, UserRound } from "lucide-react";
import { useTranslation } from "react-i18next";
import { oneOf, searchParams } from "@/lib/search-params";
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
import { titledKey } from "@/app/page-title";

const TABS = ["account", "preferences", "offline", "models", "notifications", "privacy", "api-keys", "billing"] as const;
type Tab = (typeof TABS)[number];

const LABELS = {
  account: { label: "settings.tabs.account", icon: UserRound },
  preferences: { label: "settings.tabs.preferences", icon: SlidersHorizontal },
  offline: { label: "settings.tabs.offline", icon: CloudOff },
  models: { label: "settings.tabs.models", icon: Bot },
  notifications: { label: "settings.tabs.notifications", icon: Bell },
  privacy: { label: "settings.tabs.privacy", icon: Lock },
  "api-keys": { label: "settings.tabs.apiKeys", icon: KeyRound },
  billing: { label: "settings.tabs.billing", icon: CreditCard },
} as const satisfies Record<Tab, { label: string; icon: LucideIcon }>;


export const Route = createFileRoute("/_app/settings")({
  staticData: { i18n: ["account", "community", "developer", "usage"] },
  head: titledKey("settings"),
  validateSearch: searchParams({ tab: oneOf(TABS) }),
  component: SettingsPage,
});

function SettingsPage() {
  const { t } = useTranslation("shell");
  const { tab = "account" } = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <>
      <PageHeader title={t("titles.settings")} description={t("settings.description")} />
      <Tabs value={tab} onValueChange={(v) => void navigate({ search: { tab: v as Tab }, replace: true })}>
        <div className="-mx-4 overflow-x-auto px-4 pb-1 md:mx-0 md:px-0">
          <TabsList aria-label={t("settings.sections")}>
            {TABS.map((id) => {
              const { label, icon: Icon } = LABELS[id];
              return (
                <TabsTrigger key={id} value={id} className="flex-none">
                  <Icon aria-hidden="true" /> {t(label)}
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
