// Launches Debian's Chromium through playwright-core, headless, in a new empty profile; never a downloaded browser.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Runs test(page, context) in a fresh browser profile, and always closes the browser and removes the profile. */
export async function withBrowser(test, options = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'evidence-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1100, height: 800 }, ...options,
  });
  context.setDefaultTimeout(30_000);
  try {
    const page = context.pages()[0] || await context.newPage();
    return await test(page, context);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/** Checks one expectation, printing it so that the JUnit report shows what was checked. */
export function check(condition, what, detail = '') {
  if (!condition) throw new Error(`FAILED: ${what}${detail ? ` (${detail})` : ''}`);
  console.log(`ok - ${what}`);
}

export function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name}`);
  return value;
}

/** Runs main, and exits 1 with the message on any failure. */
export function run(main) {
  main().then(() => process.exit(0), (error) => {
    console.error(error && error.stack ? error.stack : String(error));
    process.exit(1);
  });
}
