import { Link } from "@tanstack/react-router";
import { ChevronDown, Coins, FolderPlus, ImagePlus, ListOrdered, Sparkles, Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

/** The things people start from the dashboard, one menu away. */
export function QuickActions() {
  const items = [
    { to: "/studio", label: "New generation", icon: Sparkles },
    { to: "/image-to-image", label: "Image to image", icon: ImagePlus },
    { to: "/projects", label: "New project", icon: FolderPlus },
    { to: "/gallery", label: "Upload or browse images", icon: Upload },
    { to: "/queue", label: "Open the queue", icon: ListOrdered },
    { to: "/usage", label: "Usage & credits", icon: Coins },
  ] as const;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm">
          Quick actions
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
