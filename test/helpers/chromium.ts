// Headless Chromium as every browser test launches it. Where it is and its flags are in chromium.json, which the
// editor harness (plain Node inside code-server runs: test/editors/vscode/browser.js) reads too.
import { type Browser, chromium } from 'playwright-core';
import settings from './chromium.json';

/** Where scripts/setup-test-tools.sh installs Chromium. */
export const CHROMIUM: string = settings.executablePath;
export const CHROMIUM_ARGS: readonly string[] = settings.args;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] });
}
