import { FileClock, Gauge, Globe, ListOrdered, Megaphone, ToggleRight, Users, type LucideIcon } from "lucide-react";
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

const TABS: Record<AdminTab, { label: string; icon: LucideIcon; body: () => React.ReactNode }> = {
  overview: { label: "Overview", icon: Gauge, body: () => <OverviewTab /> },
  users: { label: "Users", icon: Users, body: () => <UsersTab /> },
  jobs: { label: "Job queue", icon: ListOrdered, body: () => <JobsTab /> },
  models: { label: "Models", icon: ToggleRight, body: () => <ModelsTab /> },
  announcements: { label: "Announcements", icon: Megaphone, body: () => <AnnouncementsTab /> },
  community: { label: "Community", icon: Globe, body: () => <CommunityTab /> },
  audit: { label: "Audit log", icon: FileClock, body: () => <AuditTab /> },
};

/** /admin: the console for administrators (the route shows the 404 page to everyone else). */
export function AdminPage({ tab, onTab }: { tab: AdminTab; onTab: (t: AdminTab) => void }) {
  return (
    <>
      <PageHeader title="Admin console" description="Users, usage, the job queue, models and the audit log of this install." />
      <Tabs value={tab} onValueChange={(v) => onTab(v as AdminTab)}>
        <div className="-mx-4 overflow-x-auto px-4 pb-1 md:mx-0 md:px-0">
          <TabsList aria-label="Admin sections">
            {ADMIN_TABS.map((t) => {
              const { label, icon: Icon } = TABS[t];
              return (
                <TabsTrigger key={t} value={t} className="flex-none">
                  <Icon aria-hidden="true" /> {label}
                </TabsTrigger>
              );
            })}
          </TabsList>
        </div>
        {ADMIN_TABS.map((t) => (
          <TabsContent key={t} value={t} className="mt-4">
            {tab === t && TABS[t].body()}
          </TabsContent>
        ))}
      </Tabs>
    </>
  );
}
