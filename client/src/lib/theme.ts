export type ThemePreference = "light" | "dark" | "auto";
const KEY = "theme";

export function getThemePreference(): ThemePreference {
  const v = typeof localStorage === "undefined" ? null : localStorage.getItem(KEY);
  return v === "light" || v === "dark" ? v : "auto";
}

export function applyTheme(pref: ThemePreference) {
  const dark = pref === "dark" || (pref === "auto" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  const el = document.documentElement;
  el.classList.toggle("dark", dark);
  el.style.colorScheme = dark ? "dark" : "light";
  document.querySelectorAll('meta[name="theme-color"]').forEach((m) => m.setAttribute("content", dark ? "#0F172A" : "#FFFFFF"));
}

export function setThemePreference(pref: ThemePreference) {
  localStorage.setItem(KEY, pref);
  applyTheme(pref);
}

/** Keep "auto" in step with the OS. */
export function watchSystemTheme() {
  const mq = window.matchMedia("(prefers-color-scheme: dark)");
  const onChange = () => getThemePreference() === "auto" && applyTheme("auto");
  mq.addEventListener("change", onChange);
  return () => mq.removeEventListener("change", onChange);
}
