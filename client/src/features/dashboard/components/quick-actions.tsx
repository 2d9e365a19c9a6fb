import { Link } from "@tanstack/react-router";
import { ChevronDown, Coins, FolderPlus, ImagePlus, ListOrdered, Sparkles, Upload } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

/** The things people start from the dashboard, one menu away. */
export function QuickActions() {
  const { t } = useTranslation("dashboard");
  const items = [
    { to: "/studio", label: t("actions.newGeneration"), icon: Sparkles },
    { to: "/image-to-image", label: t("actions.imageToImage"), icon: ImagePlus },
    { to: "/projects", label: t("actions.newProject"), icon: FolderPlus },
    { to: "/gallery", label: t("actions.upload"), icon: Upload },
    { to: "/queue", label: t("actions.queue"), icon: ListOrdered },
    { to: "/usage", label: t("actions.usage"), icon: Coins },
  ] as const;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm">
          {t("actions.title")}
          <ChevronDown className="size-4" aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-56">
        {items.map(({ to, label, icon: Icon }) => (
          <DropdownMenuItem key={to} asChild>
            <Link to={to}>
              <Icon className="size-4" aria-hidden="true" />
              {label}
            </Link>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
