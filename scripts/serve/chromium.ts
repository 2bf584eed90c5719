import { chromium, type Browser } from "playwright-core";
import { requireTool } from "./require-tool";

/** Flags for Debian's Chromium on a machine with no internet: headless, and no background networking. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-quic",
  "--disable-sync",
];

/** Debian's Chromium, or a failure naming the apt-get command that installs it. */
export function chromiumPath(): string {
  return requireTool("chromium", "sudo apt-get install -y chromium");
}

/** Debian's Chromium driven by playwright-core (never a downloaded browser). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}
