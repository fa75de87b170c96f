// The evidence gap map on a third party's page: a static page served from another origin than the API includes the
// script and <evidence-gap-map>, and shows the map the API computes as an accessible table, with links, gaps, a
// legend, attribution and polite errors.
//   API_URL      the API's address, e.g. http://localhost:8080
//   SCREENSHOT   where to write the screenshot of the page (optional)
//   SVG_SCREENSHOT  where to write the screenshot of the SVG heat map opened on its own (optional)
//   PAGE_PORT    port of the static page (optional; any free one by default)
import { check, getJson, required, run, servePage, withBrowser } from './browser.mjs';

const api = required('API_URL').replace(/\/+$/, '');

/** Waits until the map with this id has finished (loaded, empty or error) and returns that state. */
async function settled(page, id) {
  const handle = await page.waitForFunction((selector) => {
    const state = document.getElementById(selector)?.dataset.state;
    return state && state !== 'loading' ? state : null;
  }, id);
  return handle.jsonValue();
}

async function addMap(page, id, attributes) {
  await page.evaluate(([mapId, attributeList]) => {
    const map = document.createElement('evidence-gap-map');
    map.id = mapId;
    for (const [name, value] of Object.entries(attributeList)) map.setAttribute(name, value);
    document.body.append(map);
  }, [id, attributes]);
  return settled(page, id);
}

/** Where the focus is inside the map: the row and column of the cell it is in. */
async function focused(page) {
  return page.evaluate(() => {
    const active = document.getElementById('gap-map').shadowRoot.activeElement;
    const cell = active && active.closest('td');
    return cell ? `${cell.dataset.r},${cell.dataset.c}` : String(active && active.tagName);
  });
}

run(async () => {
  const expected = await getJson(`${api}/api/v1/evidence-map?rows=approach&columns=outcomeDomain`);
  const rows = expected.rows.values;
  const columns = expected.columns.values;
  const filled = expected.cells.filter((cell) => cell.caseStudies > 0);
  check(rows.length > 1 && columns.length > 1 && filled.length > 0 && filled.length < expected.cells.length,
      'the API maps case studies in some cells and leaves gaps, to compare with',
      `${rows.length} rows, ${columns.length} columns, ${filled.length} filled cells`);

  const server = await servePage('gap-map-page.html', api);
  const pageUrl = `http://127.0.0.1:${server.address().port}/`;
  check(new URL(pageUrl).origin !== new URL(api).origin, `the page (${pageUrl}) is on another origin than the API`);
  try {
    await withBrowser(async (page) => {
      const problems = [];
      page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
      page.on('pageerror', (error) => problems.push(error.message));

      await page.goto(pageUrl);
      check(await settled(page, 'gap-map') === 'loaded', 'the map loads');
      const map = page.locator('#gap-map');
      const table = map.locator('table');
      check((await table.locator('caption').textContent()).startsWith('Case studies by approach and outcome domain'),
          'the table has a caption naming its dimensions', await table.locator('caption').textContent());
      const columnHeaders = await table.locator('thead th[scope="col"]').allTextContents();
      check(JSON.stringify(columnHeaders) === JSON.stringify(columns.map((column) => column.label)),
          'a column header for each column, in order, its label shown as text', columnHeaders.join(' | '));
      const rowHeaders = await table.locator('tbody th[scope="row"]').allTextContents();
      check(JSON.stringify(rowHeaders) === JSON.stringify(rows.map((row) => row.label)),
          'a row header for each row, in order, its label shown as text', rowHeaders.join(' | '));
      check(await table.locator('tbody td').count() === rows.length * columns.length, 'a cell for every row and column');

      const links = table.getByRole('link');
      check(await links.count() === filled.length, 'each cell with case studies is a link, and only those',
          `${await links.count()} links for ${filled.length} filled cells`);
      const wrong = [];
      for (const cell of filled) {
        const link = table.locator(`td[data-row="${cell.row}"][data-column="${cell.column}"] a`);
        const href = await link.getAttribute('href');
        const text = await link.evaluate((element) => element.textContent);
        if (href !== new URL(cell.search, `${api}/`).href || !text.includes(`${cell.caseStudies} case stud`)) {
          wrong.push(`${cell.row} × ${cell.column}: ${href}, "${text}"`);
        }
      }
      check(wrong.length === 0, 'each link goes to its cell\'s search, made absolute, and says how many case studies',
          wrong.join(' | '));
      const first = filled[0];
      const listed = await getJson(new URL(first.search, `${api}/`).href);
      check(listed.total === first.caseStudies, 'a cell\'s link lists its case studies', `${listed.total} listed`);
      const gaps = table.locator('td.gap');
      check(await gaps.count() === expected.cells.length - filled.length, 'every other cell is marked as a gap');
      check(await gaps.first().textContent() === 'no case studies', 'a gap says so to a screen reader');

      await table.locator('td[data-r="0"][data-c="0"]').evaluate((cell) => (cell.querySelector('a') || cell).focus());
      await page.keyboard.press('ArrowRight');
      check(await focused(page) === '0,1', 'the right arrow moves to the next cell', await focused(page));
      await page.keyboard.press('ArrowDown');
      check(await focused(page) === '1,1', 'the down arrow moves to the cell below', await focused(page));
      await page.keyboard.press('End');
      check(await focused(page) === `1,${columns.length - 1}`, 'End moves to the end of the row', await focused(page));
      await page.keyboard.press('Home');
      check(await focused(page) === '1,0', 'Home moves to the start of the row', await focused(page));

      const legend = await map.locator('.legend').textContent();
      check(['none (a gap)', '10 or more', 'improved', 'worsened', 'not reported', 'L1–L5'].every((text) => legend.includes(text)),
          'the legend explains the shades, the direction marks and the level', legend);
      const attribution = map.locator('footer');
      check((await attribution.textContent()).includes('counted from the Integration Evidence Repository'),
          'the attribution names the repository', await attribution.textContent());
      check(await attribution.getByRole('link', { name: 'Integration Evidence Repository' }).getAttribute('href')
          === `${api}/api/v1/case-studies`, 'the attribution links to the same selection in the API');
      const injected = await page.evaluate(() => window.hostileScriptRan === true
          || document.getElementById('gap-map').shadowRoot.querySelectorAll('th img, th script, th b').length > 0);
      check(!injected, 'no label reaches the page as HTML');
      check(problems.length === 0, 'the page logs no errors', problems.join(' | '));
      if (process.env.SCREENSHOT) {
        await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
        console.log(`screenshot: ${process.env.SCREENSHOT}`);
      }

      check(await addMap(page, 'bad-rows', { rows: 'nonsense' }) === 'error', 'a bad attribute shows an error');
      const bad = await page.locator('#bad-rows').locator('.status').textContent();
      check(bad.startsWith('This evidence map cannot be shown: '), 'the error gives the API\'s reason', bad);

      check(await addMap(page, 'api-down', { api: 'http://127.0.0.1:9' }) === 'error', 'an unreachable API shows an error');
      const down = await page.locator('#api-down').locator('.status').textContent();
      check(down === 'The evidence map cannot be loaded at the moment. Please try again later.', 'the error is polite', down);
    }, { viewport: { width: 1100, height: 900 } });

    // The SVG a researcher drops into a report: opened on its own in Chromium, at about A4 width.
    await withBrowser(async (page) => {
      const response = await page.goto(`${api}/api/v1/evidence-map?format=svg`);
      check(response.ok() && response.headers()['content-type'].startsWith('image/svg+xml'), 'the SVG map is served as SVG',
          response.headers()['content-type']);
      check(await page.locator('svg > title').count() === 1 && await page.locator('svg > desc').count() === 1,
          'the SVG map opens in Chromium with a title and a description');
      const drawn = await page.locator('svg').boundingBox();
      check(drawn && drawn.width > 500 && drawn.height > 300, 'the SVG map is drawn', JSON.stringify(drawn));
      check(await page.locator('svg g > title').count() >= expected.cells.length, 'each cell of the SVG has its own title');
      if (process.env.SVG_SCREENSHOT) {
        await page.locator('svg').screenshot({ path: process.env.SVG_SCREENSHOT });
        console.log(`screenshot: ${process.env.SVG_SCREENSHOT}`);
      }
    }, { viewport: { width: 900, height: 1200 } });
  } finally {
    server.close();
  }
});
