// Debian's Chromium, driven by playwright-core (no browser is ever downloaded).
import { chromium, type Browser } from 'playwright-core';

export const CHEMIN_CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function lancerChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHEMIN_CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
