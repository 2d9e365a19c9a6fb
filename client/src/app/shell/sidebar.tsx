import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "@tanstack/react-router";
import { LogOut, PanelLeftClose, PanelLeftOpen } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { cn } from "@/lib/cn";
import { useSignOut } from "@/lib/session";
import { NAV_GROUPS, type NavItem } from "./nav";
import { SidebarTargets } from "./sidebar-targets";

interface SidebarNavProps {
  collapsed?: boolean;
  onNavigate?: () => void;
}

function NavLink({ item: { to, label: labelKey, icon: Icon }, collapsed, onNavigate }: { item: NavItem; collapsed: boolean; onNavigate?: () => void }) {
  const { t } = useTranslation("shell");
  const label = t(labelKey);
  const link = (
    <Link
      to={to}
      onClick={onNavigate}
      className={cn(
        "flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium pointer-coarse:py-3 text-muted-foreground transition-colors duration-200 ease-in-out hover:bg-surface hover:text-foreground",
        "data-[status=active]:bg-primary/10 data-[status=active]:text-primary-strong",
        collapsed && "justify-center px-2",
      )}
    >
      <Icon className="size-5 shrink-0" aria-hidden="true" />
      <span className={cn(collapsed && "sr-only")}>{label}</span>
    </Link>
  );
  if (!collapsed) return link;
  return (
    <Tooltip>
      <TooltipTrigger asChild>{link}</TooltipTrigger>
      <TooltipContent side="right">{label}</TooltipContent>
    </Tooltip>
  );
}

/** The navigation, in labelled groups; shared by the desktop sidebar and the mobile sheet. */
export function SidebarNav({ collapsed = false, onNavigate }: SidebarNavProps) {
  const { t } = useTranslation("shell");
  const id = useId();
  return (
    <nav aria-label={t("sidebar.main")} className="flex flex-1 flex-col gap-1 p-2">
      {NAV_GROUPS.map((group, i) => (
        <div key={group.label ?? i} role="group" aria-labelledby={group.label ? `${id}-${i}` : undefined} className="flex flex-col gap-1">
          {group.label &&
            (collapsed ? (
              <>
                <hr className="mx-2 my-1 border-border" aria-hidden="true" />
                <span id={`${id}-${i}`} className="sr-only">
                  {t(group.label)}
                </span>
              </>
            ) : (
              <p id={`${id}-${i}`} className="px-3 pt-3 pb-0.5 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
                {t(group.label)}
              </p>
            ))}
          {group.items.map((item) => (
            <NavLink key={item.to} item={item} collapsed={collapsed} onNavigate={onNavigate} />
          ))}
        </div>
      ))}
    </nav>
  );
}

interface SidebarProps {
  collapsed: boolean;
  onToggle: () => void;
  onSignOut?: () => void;
}

export function Sidebar({ collapsed, onToggle, onSignOut }: SidebarProps) {
  const { t } = useTranslation("shell");
  const signOut = useSignOut();
  const handleSignOut = onSignOut ?? (() => void signOut());
  return (
    <aside
      className={cn(
        "relative hidden shrink-0 flex-col border-r border-border bg-background transition-[width] duration-300 ease-in-out md:flex",
        collapsed ? "w-16" : "w-60",
      )}
    >
      <div className="relative flex min-h-0 flex-1 flex-col overflow-y-auto">
        <SidebarNav collapsed={collapsed} />
        <SidebarTargets collapsed={collapsed} />
      </div>
      <div className="flex flex-col gap-1 border-t border-border p-2">
        <Button variant="ghost" className={cn("justify-start gap-3", collapsed && "justify-center px-2")} onClick={handleSignOut}>
          <LogOut className="size-5" aria-hidden="true" />
          <span className={cn(collapsed && "sr-only")}>{t("sidebar.logOut")}</span>
        </Button>
        <Button
          variant="ghost"
          size={collapsed ? "icon" : "default"}
          className={cn(!collapsed && "justify-start gap-3")}
          onClick={onToggle}
          aria-label={collapsed ? t("sidebar.expand") : t("sidebar.collapseLabel")}
          aria-expanded={!collapsed}
        >
          {collapsed ? <PanelLeftOpen className="size-5" aria-hidden="true" /> : <PanelLeftClose className="size-5" aria-hidden="true" />}
          {!collapsed && <span>{t("sidebar.collapse")}</span>}
        </Button>
      </div>
    </aside>
  );
}
