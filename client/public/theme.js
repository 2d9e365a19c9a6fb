// Applies the saved theme before first paint (external file: the CSP allows no inline scripts).
(function () {
  try {
    var pref = localStorage.getItem("theme") || "auto";
    var dark = pref === "dark" || (pref === "auto" && window.matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.classList.toggle("dark", dark);
    document.documentElement.style.colorScheme = dark ? "dark" : "light";
  } catch (_e) {
    // storage or matchMedia unavailable: keep the light default
  }
})();
