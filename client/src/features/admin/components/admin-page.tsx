import { FileClock, Gauge, Globe, ListOrdered, Megaphone, ToggleRight, Users, type LucideIcon } from "lucide-react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "@/app/shell/page-header";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { AnnouncementsTab } from "./announcements-tab";
import { AuditTab } from "./audit-tab";
import { CommunityTab } from "./community-tab";
import { JobsTab } from "./jobs-tab";
import { ModelsTab } from "./models-tab";
import { OverviewTab } from "./overview-tab";
import { UsersTab } from "./users-tab";

import { ADMIN_TABS, type AdminTab } from "../tabs";

export { ADMIN_TABS, type AdminTab };

const TABS: Record<AdminTab, { label: `tabs.${AdminTab}`; icon: LucideIcon; body: () => React.ReactNode }> = {
  overview: { label: "tabs.overview", icon: Gauge, body: () => <OverviewTab /> },
  users: { label: "tabs.users", icon: Users, body: () => <UsersTab /> },
  jobs: { label: "tabs.jobs", icon: ListOrdered, body: () => <JobsTab /> },
  models: { label: "tabs.models", icon: ToggleRight, body: () => <ModelsTab /> },
  announcements: { label: "tabs.announcements", icon: Megaphone, body: () => <AnnouncementsTab /> },
  community: { label: "tabs.community", icon: Globe, body: () => <CommunityTab /> },
  audit: { label: "tabs.audit", icon: FileClock, body: () => <AuditTab /> },
};

/** /admin: the console for administrators (the route shows the 404 page to everyone else). */
export function AdminPage({ tab, onTab }: { tab: AdminTab; onTab: (t: AdminTab) => void }) {
  const { t } = useTranslation("admin");
  return (
    <>
      <PageHeader title={t("page.title")} description={t("page.description")} />
      <Tabs value={tab} onValueChange={(v) => onTab(v as AdminTab)}>
        <div className="-mx-4 overflow-x-auto px-4 pb-1 md:mx-0 md:px-0">
          <TabsList aria-label={t("page.sections")}>
            {ADMIN_TABS.map((id) => {
              const { label, icon: Icon } = TABS[id];
              return (
                <TabsTrigger key={id} value={id} className="flex-none">
                  <Icon aria-hidden="true" /> {t(label)}
                </TabsTrigger>
              );
            })}
          </TabsList>
        </div>
        {ADMIN_TABS.map((id) => (
          <TabsContent key={id} value={id} className="mt-4">
            {tab === id && TABS[id].body()}
          </TabsContent>
        ))}
      </Tabs>
    </>
  );
}
