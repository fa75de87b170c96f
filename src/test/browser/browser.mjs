// Launches Debian's Chromium through playwright-core, headless, in a new empty profile; never a downloaded browser.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
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

/** The JSON a GET of this URL answers; throws unless it is a 2xx. */
export async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

/**
 * Serves the page in the file `page` (beside this script), with API_URL in it replaced by `api`, at / on
 * 127.0.0.1: another origin than the API's. The port is PAGE_PORT, or any free one. Close the server it gives.
 */
export async function servePage(page, api) {
  const html = (await readFile(new URL(`./${page}`, import.meta.url), 'utf8')).replaceAll('API_URL', api);
  const server = createServer((request, response) => {
    if (request.method === 'GET' && (request.url === '/' || request.url === '/index.html')) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(html);
    } else {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not found');
    }
  });
  await new Promise((resolve) => server.listen(Number(process.env.PAGE_PORT || 0), '127.0.0.1', resolve));
  return server;
}
