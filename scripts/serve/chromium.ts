import { chromium, type Browser } from "playwright-core";
import { requireTool } from "./static-server";

/** Debian's Chromium, headless, with no background networking (the machine has no internet). */
export function launchChromium(): Promise<Browser> {
  const executablePath = requireTool("chromium", "apt-get install -y chromium");
  return chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
  });
}
