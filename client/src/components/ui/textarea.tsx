import * as React from "react";
import { cn } from "@/lib/cn";
import { fieldClasses } from "./input";

interface TextareaProps extends React.ComponentProps<"textarea"> {
  /** Grow with the content (cap it with a max-h-* class; it scrolls beyond that). */
  autoResize?: boolean;
}

function Textarea({ className, autoResize = false, ref, onInput, ...props }: TextareaProps) {
  const inner = React.useRef<HTMLTextAreaElement | null>(null);

  const resize = React.useCallback(() => {
    const el = inner.current;
    if (!autoResize || !el) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`;
  }, [autoResize]);

  // Re-measure when a controlled value changes from outside (e.g. a prompt inserted from history).
  React.useLayoutEffect(resize, [resize, props.value]);

  const setRef = React.useCallback(
    (node: HTMLTextAreaElement | null) => {
      inner.current = node;
      if (typeof ref === "function") return ref(node);
      if (ref) ref.current = node;
    },
    [ref],
  );

  return (
    <textarea
      ref={setRef}
      data-slot="textarea"
      className={cn(fieldClasses, "min-h-16 py-2", autoResize && "resize-none overflow-y-auto", className)}
      onInput={(e) => {
        resize();
        onInput?.(e);
      }}
      {...props}
    />
  );
}

export { Textarea, type TextareaProps };
