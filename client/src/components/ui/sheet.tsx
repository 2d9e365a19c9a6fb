import { cva, type VariantProps } from "class-variance-authority";
import { Dialog as SheetPrimitive } from "radix-ui";
import type * as React from "react";
import { cn } from "@/lib/cn";
import { CloseButton, DialogOverlay } from "./dialog";
import { openedOnceRoot, WhenOpened } from "./opened-once";

const Sheet = openedOnceRoot(SheetPrimitive.Root, "sheet");
const SheetTrigger = (props: React.ComponentProps<typeof SheetPrimitive.Trigger>) => (
  <SheetPrimitive.Trigger data-slot="sheet-trigger" {...props} />
);
const SheetClose = (props: React.ComponentProps<typeof SheetPrimitive.Close>) => (
  <SheetPrimitive.Close data-slot="sheet-close" {...props} />
);

const sheetVariants = cva("fixed z-50 flex flex-col gap-4 bg-popover text-popover-foreground shadow-xl outline-none", {
  variants: {
    side: {
      left: "inset-y-0 left-0 h-full w-3/4 border-r border-border data-[state=open]:animate-slide-in-from-left data-[state=closed]:animate-slide-out-to-left sm:max-w-sm",
      right:
        "inset-y-0 right-0 h-full w-3/4 border-l border-border data-[state=open]:animate-slide-in-from-right data-[state=closed]:animate-slide-out-to-right sm:max-w-sm",
      top: "inset-x-0 top-0 h-auto max-h-[85dvh] border-b border-border data-[state=open]:animate-slide-in-from-top data-[state=closed]:animate-slide-out-to-top",
      bottom:
        "inset-x-0 bottom-0 h-auto max-h-[85dvh] rounded-t-xl border-t border-border pb-[env(safe-area-inset-bottom)] data-[state=open]:animate-slide-in-from-bottom data-[state=closed]:animate-slide-out-to-bottom",
    },
  },
  defaultVariants: { side: "right" },
});

interface SheetContentProps
  extends React.ComponentProps<typeof SheetPrimitive.Content>,
    VariantProps<typeof sheetVariants> {
  showCloseButton?: boolean;
}

function SheetContent({ className, children, side = "right", showCloseButton = true, ...props }: SheetContentProps) {
  return (
    <WhenOpened>
      <SheetPrimitive.Portal>
        <DialogOverlay data-slot="sheet-overlay" />
        <SheetPrimitive.Content data-slot="sheet-content" className={cn(sheetVariants({ side }), className)} {...props}>
          {children}
          {showCloseButton && <CloseButton />}
        </SheetPrimitive.Content>
      </SheetPrimitive.Portal>
    </WhenOpened>
  );
}

function SheetHeader({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="sheet-header" className={cn("flex flex-col gap-1.5 p-4 pr-12", className)} {...props} />;
}

function SheetFooter({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="sheet-footer" className={cn("mt-auto flex flex-col gap-2 p-4", className)} {...props} />;
}

function SheetTitle({ className, ...props }: React.ComponentProps<typeof SheetPrimitive.Title>) {
  return <SheetPrimitive.Title data-slot="sheet-title" className={cn("text-lg font-semibold", className)} {...props} />;
}

function SheetDescription({ className, ...props }: React.ComponentProps<typeof SheetPrimitive.Description>) {
  return (
    <SheetPrimitive.Description
      data-slot="sheet-description"
      className={cn("text-sm text-muted-foreground", className)}
      {...props}
    />
  );
}

export { Sheet, SheetClose, SheetContent, SheetDescription, SheetFooter, SheetHeader, SheetTitle, SheetTrigger };
