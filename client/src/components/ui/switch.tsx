import { Switch as SwitchPrimitive } from "radix-ui";
import type * as React from "react";
import { cn } from "@/lib/cn";
import { touchHitArea } from "./touch-target";

function Switch({ className, ...props }: React.ComponentProps<typeof SwitchPrimitive.Root>) {
  return (
    <SwitchPrimitive.Root
      data-slot="switch"
      className={cn(
        touchHitArea,
        "peer inline-flex h-5 w-9 shrink-0 cursor-pointer items-center rounded-full border border-transparent shadow-xs transition-colors duration-200 ease-in-out",
        "data-[state=checked]:bg-primary data-[state=unchecked]:border-input data-[state=unchecked]:bg-muted",
        "disabled:cursor-not-allowed disabled:opacity-50",
        className,
      )}
      {...props}
    >
      <SwitchPrimitive.Thumb
        data-slot="switch-thumb"
        className={cn(
          "pointer-events-none block size-4 rounded-full shadow-sm ring-0 transition-transform duration-200 ease-in-out",
          "data-[state=checked]:translate-x-[calc(100%+1px)] data-[state=checked]:bg-white data-[state=unchecked]:translate-x-px data-[state=unchecked]:bg-foreground/70",
        )}
      />
    </SwitchPrimitive.Root>
  );
}

export { Switch };
