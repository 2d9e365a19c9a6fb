import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Coins, LogOut, Menu, Moon, Save, Search, Settings, ShieldCheck, Sparkles, Sun, SunMoon } from "@/components/ui/icons";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Avatar, AvatarFallback, AvatarImage } from "@/components/ui/avatar";
import { Skeleton } from "@/components/ui/skeleton";
import { formatNumber } from "@/i18n";
import { NotificationBell } from "@/features/notifications/components/notification-bell";
import { useBalanceFollowsJobs } from "@/lib/jobs/use-balance-follows-jobs";
import { sessionQuery, useSignOut } from "@/lib/session";
import { getThemePreference, setThemePreference, type ThemePreference } from "@/lib/theme";
import { SearchBox } from "@/features/search/components/search-box";
import { APP_NAME } from "../page-title";
import { accountLabel } from "./account-label";
import { InstallButton } from "./install-button";
import { Logo } from "./logo";
import { SyncStatusButton } from "./sync-status";

interface TopBarProps {
  onOpenMenu: () => void;
  userName?: string;
  credits?: number;
}

/** A guest sees fal.ai models as unavailable; once the account is created they open up: refetch the catalog. */
function useModelsFollowGuestStatus(guest: boolean) {
  const queryClient = useQueryClient();
  const last = useRef(guest);
  useEffect(() => {
    if (last.current === guest) return;
    last.current = guest;
    void queryClient.invalidateQueries({ queryKey: ["models"] });
  }, [guest, queryClient]);
}

export function TopBar({ onOpenMenu, userName: nameProp, credits: creditsProp }: TopBarProps) {
  const { t } = useTranslation("shell");
  const { data: session } = useQuery(sessionQuery);
  const signOut = useSignOut();
  const user = session?.user;
  const label = accountLabel(user, nameProp);
  const guest = label.guest;
  const userName = label.name;
  useModelsFollowGuestStatus(guest);
  useBalanceFollowsJobs();
  const credits = creditsProp ?? user?.creditsBalance;
  const [theme, setTheme] = useState<ThemePreference>(getThemePreference);
  const changeTheme = (value: string) => {
    const pref = value as ThemePreference;
    setTheme(pref);
    setThemePreference(pref);
  };
  const ThemeIcon = theme === "dark" ? Moon : theme === "light" ? Sun : SunMoon;
  return (
    <header className="relative z-40 flex h-14 shrink-0 items-center gap-2 border-b border-border bg-background/90 px-3 backdrop-blur supports-[backdrop-filter]:bg-background/75 md:px-4">
      <Button variant="ghost" size="icon" className="md:hidden" onClick={onOpenMenu} aria-label={t("topBar.openMenu")}>
        <Menu className="size-5" aria-hidden="true" />
      </Button>
      <Link to="/dashboard" className="flex items-center gap-2 rounded-lg font-semibold pointer-coarse:min-h-11" aria-label={t("topBar.home")}>
        <Logo className="size-7" />
        <span className="hidden sm:inline">{APP_NAME}</span>
      </Link>
      <SearchBox className="mx-2 hidden max-w-md flex-1 md:flex" />
      <div className="ml-auto flex items-center gap-1">
        <Button asChild size="icon" variant="ghost" className="md:hidden" aria-label={t("topBar.search")}>
          <Link to="/search">
            <Search className="size-5" aria-hidden="true" />
          </Link>
        </Button>
        <Button asChild size="sm" className="hidden sm:inline-flex">
          <Link to="/studio">
            <Sparkles className="size-4" aria-hidden="true" />
            {t("topBar.generate")}
          </Link>
        </Button>
        <Button asChild size="icon" variant="ghost" className="sm:hidden" aria-label={t("topBar.generate")}>
          <Link to="/studio">
            <Sparkles className="size-5" aria-hidden="true" />
          </Link>
        </Button>
        {/* Only the build's prerendered frame renders with no user yet (the layout waits for the session): a
            placeholder where the balance will be, and no initial in the avatar. */}
        {credits === undefined && !user && <Skeleton className="hidden h-7 w-16 sm:block" />}
        {credits !== undefined && (
          <Link
            to="/usage"
            className="hidden items-center gap-1 rounded-lg border border-border px-2 py-1 font-mono text-xs transition-colors hover:bg-muted sm:flex pointer-coarse:min-h-11"
            title={t("topBar.creditsTitle")}
          >
            <Coins className="size-4 text-warning-strong" aria-hidden="true" />
            <span>{formatNumber(credits)}</span>
            <span className="sr-only">{t("topBar.creditsSr")}</span>
          </Link>
        )}
        <InstallButton />
        <SyncStatusButton />
        <NotificationBell userId={user?.id} />
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="icon" aria-label={t("topBar.theme")}>
              <ThemeIcon className="size-5" aria-hidden="true" />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuLabel>{t("topBar.theme")}</DropdownMenuLabel>
            <DropdownMenuRadioGroup value={theme} onValueChange={changeTheme}>
              <DropdownMenuRadioItem value="light">{t("topBar.light")}</DropdownMenuRadioItem>
              <DropdownMenuRadioItem value="dark">{t("topBar.dark")}</DropdownMenuRadioItem>
              <DropdownMenuRadioItem value="auto">{t("topBar.auto")}</DropdownMenuRadioItem>
            </DropdownMenuRadioGroup>
          </DropdownMenuContent>
        </DropdownMenu>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="icon" aria-label={t("topBar.accountMenu")}>
              <Avatar className="size-8">
                {user?.image && <AvatarImage src={`${user.image}&size=64`} alt="" />}
                <AvatarFallback>{user || nameProp ? (userName ?? "?").slice(0, 1).toUpperCase() : ""}</AvatarFallback>
              </Avatar>
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end" className="w-56">
            <DropdownMenuLabel className="grid gap-0.5">
              <span className="flex items-center gap-2">
                <span className="truncate">{userName}</span>
                {user?.role === "admin" && (
                  <span className="inline-flex items-center gap-1 rounded-md bg-primary/15 px-1.5 py-0.5 text-[11px] font-medium text-primary-strong">
                    <ShieldCheck className="size-3" aria-hidden="true" /> {t("topBar.admin")}
                  </span>
                )}
              </span>
              {label.detail && <span className="truncate text-xs font-normal text-muted-foreground">{label.detail}</span>}
            </DropdownMenuLabel>
            <DropdownMenuSeparator />
            {guest && (
              <DropdownMenuItem asChild>
                <Link to="/settings" search={{ tab: "account" }} hash="save-work">
                  <Save aria-hidden="true" /> {t("topBar.saveWork")}
                </Link>
              </DropdownMenuItem>
            )}
            <DropdownMenuItem asChild>
              <Link to="/settings">
                <Settings aria-hidden="true" /> {t("topBar.settings")}
              </Link>
            </DropdownMenuItem>
            {user?.role === "admin" && (
              <DropdownMenuItem asChild>
                <Link to="/admin">
                  <ShieldCheck aria-hidden="true" /> {t("topBar.adminConsole")}
                </Link>
              </DropdownMenuItem>
            )}
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={() => void signOut()}>
              <LogOut aria-hidden="true" /> {t("topBar.signOut")}
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
    </header>
  );
}
