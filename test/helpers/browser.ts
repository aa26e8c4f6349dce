/**
 * Headless Chromium for browser tests, through playwright-core and Debian's `chromium` package
 * (installed by .ci/run). Returns null, with the reason, when no browser is installed, so tests
 * can skip loudly instead of passing silently.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((p): p is string => Boolean(p));

export const chromiumPath = CANDIDATES.find((p) => existsSync(p));

export async function launchChromium(): Promise<Browser> {
  if (!chromiumPath) throw new Error("no Chromium found (install Debian's chromium package or set CHROMIUM_PATH)");
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}
