import { type ComponentType, createContext, type ReactNode, useCallback, useContext, useState } from "react";

/**
 * An overlay's Radix parts that show only while it is open (its portal, content, overlay), mounted from the first
 * time it opens. Closed, Radix renders no DOM for them, yet mounting them is not free: every `Presence` inside a
 * closed portal sends its state machine an event from a layout effect, an update React must render synchronously —
 * inside the commit that mounted it, after flushing that commit's passive effects in the same task. A page's first
 * commit holds a dozen closed overlays (the top bar's menus and popovers, the sheets, the dialogs a page keeps
 * ready), so its passive effects and a second render ran as one long task (docs/decisions/performance.md, session 22).
 * Once opened, the parts stay mounted: closing still plays the exit animation.
 *
 * A content outside a root that provides this (Radix's own root used directly) renders as before.
 */
const OpenedContext = createContext(true);

type OpenProps = { open?: boolean; defaultOpen?: boolean; onOpenChange?: (open: boolean) => void };

/**
 * Whether an overlay has opened yet, and the props to pass on to Radix's root. The root is always controlled from here (an uncontrolled one tells `onOpenChange` only from an effect, a render after opening), so
 * the parts mount in the same render that opens them; `open`, `defaultOpen` and `onOpenChange` keep their meaning.
 */
function useOpenedOnce<P extends OpenProps>(props: P): [boolean, P] {
  const { open, defaultOpen, onOpenChange } = props;
  const [own, setOwn] = useState(defaultOpen === true);
  const isOpen = open ?? own;
  const [opened, setOpened] = useState(isOpen);
  if (isOpen && !opened) setOpened(true);
  const handleOpenChange = useCallback(
    (next: boolean) => {
      setOwn(next);
      onOpenChange?.(next);
    },
    [onOpenChange],
  );
  return [opened, { ...props, open: isOpen, defaultOpen: undefined, onOpenChange: handleOpenChange }];
}

/**
 * A Radix overlay root (Dialog, Popover, DropdownMenu, Tooltip…) that tells the content wrappers inside it whether it
 * has opened yet; the wrappers put their portal in `WhenOpened`.
 */
export function openedOnceRoot<P extends OpenProps>(Root: ComponentType<P>, slot: string): ComponentType<P> {
  function OpenedOnceRoot(props: P) {
    const [opened, rootProps] = useOpenedOnce(props);
    return (
      <OpenedContext.Provider value={opened}>
        <Root data-slot={slot} {...rootProps} />
      </OpenedContext.Provider>
    );
  }
  OpenedOnceRoot.displayName = `OpenedOnce(${slot})`;
  return OpenedOnceRoot;
}

/** Renders its children once the enclosing overlay root has opened. */
export function WhenOpened({ children }: { children: ReactNode }) {
  return useContext(OpenedContext) ? children : null;
}
