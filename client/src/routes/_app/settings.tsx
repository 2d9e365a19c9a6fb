import { createFileRoute } from "@tanstack/react-router";
import { Bell, Bot, CloudOff, CreditCard, KeyRound, Lock, type LucideIcon, SlidersHorizontal, UserRound } from "lucide-react";
import { z } from "zod";
import { PageHeader } from "@/app/shell/page-header";
import { OfflineSettings } from "@/components/offline/offline-settings";
import { EmptyState } from "@/components/ui/empty-state";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { AccountTab } from "@/features/account/components/account-tab";
import { PreferencesTab } from "@/features/account/components/preferences-tab";
import { ServerStorageCard } from "@/features/account/components/server-storage-card";
import { titled } from "@/app/page-title";

const TABS = ["account", "preferences", "offline", "models", "notifications", "privacy", "api-keys", "billing"] as const;
type Tab = (typeof TABS)[number];

const LABELS: Record<Tab, { label: string; icon: LucideIcon }> = {
  account: { label: "Account", icon: UserRound },
  preferences: { label: "Preferences", icon: SlidersHorizontal },
  offline: { label: "Offline & storage", icon: CloudOff },
  models: { label: "Models", icon: Bot },
  notifications: { label: "Notifications", icon: Bell },
  privacy: { label: "Privacy", icon: Lock },
  "api-keys": { label: "API keys", icon: KeyRound },
  billing: { label: "Billing", icon: CreditCard },
};

/** Tabs still to come, each with a designed placeholder saying what will live there. */
const COMING: Partial<Record<Tab, { title: string; description: string }>> = {
  models: {
    title: "Default model and parameters",
    description:
      "Pick the model, size and settings new generations start from. For now, the Studio remembers your last choices.",
  },
  notifications: {
    title: "Notifications",
    description: "Choose when we tell you about finished batches, low credits and shared projects.",
  },
  privacy: {
    title: "Privacy and data",
    description:
      "Retention and sharing defaults will live here. Export or delete your data under Account → Danger zone.",
  },
  "api-keys": { title: "API keys", description: "Create keys to drive Image Studio from scripts and the CLI." },
  billing: {
    title: "Billing",
    description: "Credits and plans. Your balance shows in the top bar; admins can add credits.",
  },
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
        {Object.entries(COMING).map(([t, c]) => (
          <TabsContent key={t} value={t} className="mt-3">
            <EmptyState icon={LABELS[t as Tab].icon} title={c.title} description={c.description} className="mx-0" />
          </TabsContent>
        ))}
      </Tabs>
    </>
  );
}
