import { Link } from "@tanstack/react-router";
import { LogOut, PanelLeftClose, PanelLeftOpen } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { cn } from "@/lib/cn";
import { useSignOut } from "@/lib/session";
import { NAV_ITEMS } from "./nav";
import { SidebarTargets } from "./sidebar-targets";

interface SidebarNavProps {
  collapsed?: boolean;
  onNavigate?: () => void;
}

/** The navigation list, shared by the desktop sidebar and the mobile sheet. */
export function SidebarNav({ collapsed = false, onNavigate }: SidebarNavProps) {
  return (
    <nav aria-label="Main" className="flex flex-1 flex-col gap-1 p-2">
      {NAV_ITEMS.map(({ to, label, icon: Icon }) => {
        const link = (
          <Link
            key={to}
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
          <Tooltip key={to}>
            <TooltipTrigger asChild>{link}</TooltipTrigger>
            <TooltipContent side="right">{label}</TooltipContent>
          </Tooltip>
        );
      })}
    </nav>
  );
}

interface SidebarProps {
  collapsed: boolean;
  onToggle: () => void;
  onSignOut?: () => void;
}

export function Sidebar({ collapsed, onToggle, onSignOut }: SidebarProps) {
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
          <span className={cn(collapsed && "sr-only")}>Log out</span>
        </Button>
        <Button
          variant="ghost"
          size={collapsed ? "icon" : "default"}
          className={cn(!collapsed && "justify-start gap-3")}
          onClick={onToggle}
          aria-label={collapsed ? "Expand sidebar" : "Collapse sidebar"}
          aria-expanded={!collapsed}
        >
          {collapsed ? <PanelLeftOpen className="size-5" aria-hidden="true" /> : <PanelLeftClose className="size-5" aria-hidden="true" />}
          {!collapsed && <span>Collapse</span>}
        </Button>
      </div>
    </aside>
  );
}
