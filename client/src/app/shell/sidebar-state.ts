/** Where the sidebar's state is kept on this device ("1": the icon rail, "0": full). */
export const COLLAPSED_KEY = "sidebar-collapsed";

/**
 * Whether the sidebar starts as the icon rail: as you left it, else — until you choose — on tablets and small
 * laptops (the page needs the width more than labels). app.html's inline script applies the same rule to the
 * prerendered frame (prerender.test.ts holds both).
 */
export function startsCollapsed() {
  const chosen = localStorage.getItem(COLLAPSED_KEY);
  return chosen === null ? window.matchMedia("(max-width: 1279px)").matches : chosen === "1";
}
