import type * as React from "react";
import { cn } from "@/lib/cn";

/**
 * Shared look of text fields (input, textarea, select trigger). Joined, not merged (no two of its classes conflict): a
 * merge at module level would build tailwind-merge's class map while the first visit's chunks are evaluated (≈ 11 ms).
 */
export const fieldClasses = [
  "w-full min-w-0 rounded-lg border border-input bg-background px-3 text-base text-foreground shadow-xs md:text-sm",
  "transition-[border-color,box-shadow] duration-200 ease-in-out placeholder:text-muted-foreground",
  "focus-visible:border-ring disabled:cursor-not-allowed disabled:opacity-50",
  "aria-invalid:border-destructive aria-invalid:focus-visible:outline-destructive",
].join(" ");

function Input({ className, type, ...props }: React.ComponentProps<"input">) {
  return (
    <input
      type={type}
      data-slot="input"
      className={cn(
        fieldClasses,
        "h-9 py-1 pointer-coarse:h-11",
        "file:mr-3 file:inline-flex file:h-7 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground",
        className,
      )}
      {...props}
    />
  );
}

export { Input };
