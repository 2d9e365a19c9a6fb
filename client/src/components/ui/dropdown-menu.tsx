import { Check, ChevronRight, Circle } from "lucide-react";
import { DropdownMenu as Menu } from "radix-ui";
import type * as React from "react";
import { cn } from "@/lib/cn";
import { openedOnceRoot, WhenOpened } from "./opened-once";

const DropdownMenu = openedOnceRoot(Menu.Root, "dropdown-menu");
const DropdownMenuPortal = (props: React.ComponentProps<typeof Menu.Portal>) => (
  <Menu.Portal data-slot="dropdown-menu-portal" {...props} />
);
const DropdownMenuTrigger = (props: React.ComponentProps<typeof Menu.Trigger>) => (
  <Menu.Trigger data-slot="dropdown-menu-trigger" {...props} />
);
const DropdownMenuGroup = (props: React.ComponentProps<typeof Menu.Group>) => (
  <Menu.Group data-slot="dropdown-menu-group" {...props} />
);
const DropdownMenuSub = (props: React.ComponentProps<typeof Menu.Sub>) => (
  <Menu.Sub data-slot="dropdown-menu-sub" {...props} />
);
const DropdownMenuRadioGroup = (props: React.ComponentProps<typeof Menu.RadioGroup>) => (
  <Menu.RadioGroup data-slot="dropdown-menu-radio-group" {...props} />
);

const panel =
  "z-50 min-w-[8rem] overflow-x-hidden overflow-y-auto rounded-lg border border-border bg-popover p-1 text-popover-foreground shadow-lg outline-none data-[state=open]:animate-zoom-in data-[state=closed]:animate-zoom-out";
const item =
  "relative flex cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-hidden select-none focus:bg-muted focus:text-foreground data-[disabled]:pointer-events-none data-[disabled]:opacity-50 data-[inset]:pl-8 [&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4 [&_svg:not([class*='text-'])]:text-muted-foreground";

function DropdownMenuContent({ className, sideOffset = 4, ...props }: React.ComponentProps<typeof Menu.Content>) {
  return (
    <WhenOpened>
      <Menu.Portal>
        <Menu.Content
          data-slot="dropdown-menu-content"
          sideOffset={sideOffset}
          className={cn(
            panel,
            "max-h-(--radix-dropdown-menu-content-available-height) origin-(--radix-dropdown-menu-content-transform-origin)",
            className,
          )}
          {...props}
        />
      </Menu.Portal>
    </WhenOpened>
  );
}

interface ItemProps extends React.ComponentProps<typeof Menu.Item> {
  inset?: boolean;
  variant?: "default" | "destructive";
}

function DropdownMenuItem({ className, inset, variant = "default", ...props }: ItemProps) {
  return (
    <Menu.Item
      data-slot="dropdown-menu-item"
      data-inset={inset || undefined}
      data-variant={variant}
      className={cn(
        item,
        "data-[variant=destructive]:text-destructive-strong data-[variant=destructive]:focus:bg-destructive/10 data-[variant=destructive]:focus:text-destructive-strong data-[variant=destructive]:[&_svg]:text-destructive-strong!",
        className,
      )}
      {...props}
    />
  );
}

function DropdownMenuCheckboxItem({ className, children, ...props }: React.ComponentProps<typeof Menu.CheckboxItem>) {
  return (
    <Menu.CheckboxItem data-slot="dropdown-menu-checkbox-item" className={cn(item, "pl-8", className)} {...props}>
      <span className="pointer-events-none absolute left-2 flex size-3.5 items-center justify-center">
        <Menu.ItemIndicator>
          <Check className="size-4 text-primary-strong" aria-hidden="true" />
        </Menu.ItemIndicator>
      </span>
      {children}
    </Menu.CheckboxItem>
  );
}

function DropdownMenuRadioItem({ className, children, ...props }: React.ComponentProps<typeof Menu.RadioItem>) {
  return (
    <Menu.RadioItem data-slot="dropdown-menu-radio-item" className={cn(item, "pl-8", className)} {...props}>
      <span className="pointer-events-none absolute left-2 flex size-3.5 items-center justify-center">
        <Menu.ItemIndicator>
          <Circle className="size-2 fill-current text-primary-strong" aria-hidden="true" />
        </Menu.ItemIndicator>
      </span>
      {children}
    </Menu.RadioItem>
  );
}

function DropdownMenuLabel({
  className,
  inset,
  ...props
}: React.ComponentProps<typeof Menu.Label> & { inset?: boolean }) {
  return (
    <Menu.Label
      data-slot="dropdown-menu-label"
      data-inset={inset || undefined}
      className={cn("px-2 py-1.5 text-sm font-semibold data-[inset]:pl-8", className)}
      {...props}
    />
  );
}

function DropdownMenuSeparator({ className, ...props }: React.ComponentProps<typeof Menu.Separator>) {
  return (
    <Menu.Separator
      data-slot="dropdown-menu-separator"
      className={cn("-mx-1 my-1 h-px bg-border", className)}
      {...props}
    />
  );
}

function DropdownMenuShortcut({ className, ...props }: React.ComponentProps<"span">) {
  return (
    <span
      data-slot="dropdown-menu-shortcut"
      className={cn("ml-auto font-mono text-xs tracking-widest text-muted-foreground", className)}
      {...props}
    />
  );
}

function DropdownMenuSubTrigger({
  className,
  inset,
  children,
  ...props
}: React.ComponentProps<typeof Menu.SubTrigger> & { inset?: boolean }) {
  return (
    <Menu.SubTrigger
      data-slot="dropdown-menu-sub-trigger"
      data-inset={inset || undefined}
      className={cn(item, "data-[state=open]:bg-muted", className)}
      {...props}
    >
      {children}
      <ChevronRight className="ml-auto size-4" aria-hidden="true" />
    </Menu.SubTrigger>
  );
}

function DropdownMenuSubContent({ className, ...props }: React.ComponentProps<typeof Menu.SubContent>) {
  return (
    <Menu.Portal>
      <Menu.SubContent
        data-slot="dropdown-menu-sub-content"
        className={cn(panel, "origin-(--radix-dropdown-menu-content-transform-origin)", className)}
        {...props}
      />
    </Menu.Portal>
  );
}

export {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuPortal,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuShortcut,
  DropdownMenuSub,
  DropdownMenuSubContent,
  DropdownMenuSubTrigger,
  DropdownMenuTrigger,
};
