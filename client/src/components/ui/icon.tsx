import type { ComponentType, SVGProps } from "react";
import { cn } from "@/lib/cn";
import type { SpriteIconName } from "./icon-names";
// A file of its own (never inlined as a data: URL, which <use> does not load), cached immutable and precached by
// the service worker like every other asset.
import spriteUrl from "./icon-sprite.svg?no-inline";

export type IconProps = Omit<SVGProps<SVGSVGElement>, "ref">;
export type SpriteIcon = ComponentType<IconProps>;

/**
 * A lucide icon drawn from the sprite: `<svg><use/></svg>`, two elements where lucide's component mounts one per
 * shape (two to six). Same attributes and classes as lucide's (`lucide lucide-<name>`, 24 px, stroke 2, round caps,
 * current colour), so sizing, `fill-*` and `text-*` classes work unchanged; hidden from assistive technology
 * unless it is given a label.
 */
export function spriteIcon(name: SpriteIconName): SpriteIcon {
  function Icon({ className, ...props }: IconProps) {
    const labelled = props["aria-label"] !== undefined || props["aria-labelledby"] !== undefined;
    return (
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width={24}
        height={24}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden={labelled ? undefined : true}
        role={labelled ? "img" : undefined}
        className={cn("lucide", `lucide-${name}`, className)}
        {...props}
      >
        <use href={`${spriteUrl}#${name}`} />
      </svg>
    );
  }
  Icon.displayName = `Icon(${name})`;
  return Icon;
}
