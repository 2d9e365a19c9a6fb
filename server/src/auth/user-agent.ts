/** A small, dependency-free reading of a User-Agent string — enough to label a session. */
export interface DeviceInfo {
  browser: string;
  os: string;
  device: "desktop" | "mobile" | "tablet" | "unknown";
}

const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/([\d]+)/, "Edge"],
  [/OPR\/([\d]+)/, "Opera"],
  [/SamsungBrowser\/([\d]+)/, "Samsung Internet"],
  [/Firefox\/([\d]+)|FxiOS\/([\d]+)/, "Firefox"],
  [/CriOS\/([\d]+)/, "Chrome"],
  [/HeadlessChrome\/([\d]+)/, "Headless Chrome"],
  [/Chrome\/([\d]+)/, "Chrome"],
  [/Version\/([\d]+)[\d.]* .*Safari\//, "Safari"],
  [/curl\/([\d]+)/, "curl"],
];

const OSES: [RegExp, string][] = [
  [/Windows NT/, "Windows"],
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/CrOS/, "ChromeOS"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Linux/, "Linux"],
];

export function parseUserAgent(ua: string | null | undefined): DeviceInfo {
  if (!ua) return { browser: "Unknown browser", os: "Unknown system", device: "unknown" };
  let browser = "Unknown browser";
  for (const [re, name] of BROWSERS) {
    const m = re.exec(ua);
    if (m) {
      const version = m.slice(1).find(Boolean);
      browser = version ? `${name} ${version}` : name;
      break;
    }
  }
  const os = OSES.find(([re]) => re.test(ua))?.[1] ?? "Unknown system";
  const device =
    /iPad|Tablet/.test(ua) || (/Android/.test(ua) && !/Mobile/.test(ua))
      ? "tablet"
      : /Mobi|iPhone|Android/.test(ua)
        ? "mobile"
        : os === "Unknown system"
          ? "unknown"
          : "desktop";
  return { browser, os, device };
}

export function describeDevice(ua: string | null | undefined): string {
  const d = parseUserAgent(ua);
  return `${d.browser} on ${d.os}`;
}
