import { Slider as SliderPrimitive } from "radix-ui";
import * as React from "react";
import { cn } from "@/lib/cn";
import { touchHitArea } from "./touch-target";

interface SliderProps extends React.ComponentProps<typeof SliderPrimitive.Root> {
  /** Accessible names for the thumbs (e.g. ["Minimum", "Maximum"]); defaults to the slider's aria-label. */
  thumbLabels?: string[];
}

/**
 * Label it like a native control: aria-label / aria-labelledby are put on each thumb (the element with
 * role="slider"), because a <label htmlFor> cannot point at a span.
 */
function Slider({
  className,
  defaultValue,
  value,
  min = 0,
  max = 100,
  thumbLabels,
  "aria-label": ariaLabel,
  "aria-labelledby": ariaLabelledBy,
  ...props
}: SliderProps) {
  const values = React.useMemo(
    () => (Array.isArray(value) ? value : Array.isArray(defaultValue) ? defaultValue : [min]),
    [value, defaultValue, min],
  );
  return (
    <SliderPrimitive.Root
      data-slot="slider"
      defaultValue={defaultValue}
      value={value}
      min={min}
      max={max}
      className={cn(
        "relative flex w-full touch-none items-center select-none data-[disabled]:opacity-50 data-[orientation=vertical]:h-full data-[orientation=vertical]:min-h-44 data-[orientation=vertical]:w-auto data-[orientation=vertical]:flex-col",
        className,
      )}
      {...props}
    >
      <SliderPrimitive.Track
        data-slot="slider-track"
        className="relative grow overflow-hidden rounded-full bg-muted ring-1 ring-border ring-inset data-[orientation=horizontal]:h-1.5 data-[orientation=horizontal]:w-full data-[orientation=vertical]:h-full data-[orientation=vertical]:w-1.5"
      >
        <SliderPrimitive.Range
          data-slot="slider-range"
          className="absolute bg-primary-strong data-[orientation=horizontal]:h-full data-[orientation=vertical]:w-full"
        />
      </SliderPrimitive.Track>
      {values.map((_, i) => (
        <SliderPrimitive.Thumb
          key={i}
          data-slot="slider-thumb"
          aria-label={thumbLabels?.[i] ?? ariaLabel}
          aria-labelledby={thumbLabels?.[i] ? undefined : ariaLabelledBy}
          className={cn(touchHitArea, "block size-4 shrink-0 cursor-grab rounded-full border-2 border-primary-strong bg-background shadow-sm transition-[box-shadow] duration-200 ease-in-out hover:ring-4 hover:ring-primary/20 active:cursor-grabbing disabled:pointer-events-none")}
        />
      ))}
    </SliderPrimitive.Root>
  );
}

export { Slider, type SliderProps };
