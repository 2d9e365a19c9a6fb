import { useRouter } from "@tanstack/react-router";
import type * as React from "react";

/**
 * An anchor for app paths the typed router doesn't know at build time (e.g. /images/:id, owned by another
 * feature): plain clicks navigate in-app, modified clicks open a tab as usual.
 */
export function SpaLink({ href, onClick, ...props }: React.ComponentProps<"a"> & { href: string }) {
  const router = useRouter();
  return (
    <a
      href={href}
      onClick={(e) => {
        onClick?.(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        router.history.push(href);
      }}
      {...props}
    />
  );
}
