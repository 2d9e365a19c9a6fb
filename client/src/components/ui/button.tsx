import { cva, type VariantProps } from "class-variance-authority";
import { Slot } from "radix-ui";
import type * as React from "react";
import { cn } from "@/lib/cn";
import { Spinner } from "./spinner";

const buttonVariants = cva(
  [
    "inline-flex shrink-0 cursor-pointer items-center justify-center gap-2 whitespace-nowrap rounded-lg text-sm font-medium",
    "transition-[color,background-color,border-color,box-shadow,opacity] duration-200 ease-in-out",
    "disabled:pointer-events-none disabled:not-aria-busy:opacity-50 aria-disabled:pointer-events-none aria-disabled:not-aria-busy:opacity-50 aria-busy:cursor-progress",
    "aria-invalid:border-destructive [&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4",
  ],
  {
    variants: {
      variant: {
        default: "bg-primary-solid text-primary-foreground shadow-xs hover:bg-primary-solid-hover",
        secondary: "bg-primary/10 text-primary-strong hover:bg-primary/20",
        outline: "border border-border bg-background text-foreground shadow-xs hover:bg-muted",
        ghost: "text-foreground hover:bg-muted",
        destructive: "bg-destructive-solid text-destructive-foreground shadow-xs hover:bg-destructive-solid-hover",
        link: "text-primary-strong underline-offset-4 hover:underline",
      },
      size: {
        sm: "h-8 gap-1.5 px-3 has-[>svg]:px-2.5 pointer-coarse:h-11 pointer-coarse:min-w-11",
        default: "h-9 px-4 py-2 has-[>svg]:px-3 pointer-coarse:h-11",
        lg: "h-11 px-6 text-base has-[>svg]:px-4",
        icon: "size-9 pointer-coarse:size-11",
      },
    },
    defaultVariants: { variant: "default", size: "default" },
  },
);

interface ButtonProps extends React.ComponentProps<"button">, VariantProps<typeof buttonVariants> {
  /** Render the single child (a link, say) with the button's styles and props. */
  asChild?: boolean;
  /** Show a spinner, mark the button busy and block clicks. */
  loading?: boolean;
}

function Button({
  className,
  variant,
  size,
  asChild = false,
  loading = false,
  disabled,
  children,
  ...props
}: ButtonProps) {
  const Comp = asChild ? Slot.Root : "button";
  return (
    <Comp
      data-slot="button"
      className={cn(buttonVariants({ variant, size, className }))}
      disabled={asChild ? undefined : disabled || loading}
      aria-disabled={asChild && (disabled || loading) ? true : undefined}
      aria-busy={loading || undefined}
      {...props}
    >
      {loading && <Spinner aria-hidden="true" />}
      <Slot.Slottable>{loading && size === "icon" && !asChild ? null : children}</Slot.Slottable>
    </Comp>
  );
}

export { Button, buttonVariants, type ButtonProps };
