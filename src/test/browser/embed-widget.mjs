// The embed widget on a third party's page: a static page served from another origin than the API includes the
// script and the element, and shows what the API lists, safely, with attribution, licence and polite errors.
//   API_URL            the API's address, e.g. http://localhost:8080
//   HOSTILE_APPROACH   an approach whose only case study has HOSTILE_TITLE, a title made of HTML
//   SCREENSHOT         where to write the screenshot of the page (optional)
//   PAGE_PORT          port of the static page (optional; any free one by default)
import { check, getJson, required, run, servePage, withBrowser } from './browser.mjs';

const api = required('API_URL').replace(/\/+$/, '');
const hostileApproach = required('HOSTILE_APPROACH');
const hostileTitle = required('HOSTILE_TITLE');

/** Waits until the widget with this id has finished (loaded, empty or error) and returns that state. */
async function settled(page, id) {
  const handle = await page.waitForFunction((selector) => {
    const state = document.getElementById(selector)?.dataset.state;
    return state && state !== 'loading' ? state : null;
  }, id);
  return handle.jsonValue();
}

async function addWidget(page, id, attributes) {
  await page.evaluate(([widgetId, attributeList]) => {
    const widget = document.createElement('evidence-case-studies');
    widget.id = widgetId;
    for (const [name, value] of Object.entries(attributeList)) widget.setAttribute(name, value);
    document.body.append(widget);
  }, [id, attributes]);
  return settled(page, id);
}

run(async () => {
  const expected = await getJson(`${api}/api/v1/case-studies?approach=social-contact-and-mixing&limit=3`);
  const labels = new Map((await getJson(`${api}/api/v1/evidence-levels`)).items.map((level) => [level.level, level.label]));
  check(expected.items.length === 3, 'the API lists three case studies of social contact and mixing to compare with',
      `it lists ${expected.items.length}`);

  const server = await servePage('embed-page.html', api);
  const pageUrl = `http://127.0.0.1:${server.address().port}/`;
  check(new URL(pageUrl).origin !== new URL(api).origin, `the page (${pageUrl}) is on another origin than the API`);
  try {
    await withBrowser(async (page) => {
      const problems = [];
      page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
      page.on('pageerror', (error) => problems.push(error.message));

      await page.goto(pageUrl);
      check(await settled(page, 'social-contact') === 'loaded', 'the widget loads the case studies');
      const widget = page.locator('#social-contact');
      const cards = widget.locator('article');
      check(await cards.count() === 3, 'it shows as many cards as limit="3" asks', `${await cards.count()} cards`);
      for (let i = 0; i < 3; i++) {
        const item = expected.items[i];
        const card = cards.nth(i);
        const title = card.locator('h3 a');
        check(await title.textContent() === item.title, `card ${i + 1} has the title "${item.title}"`,
            await title.textContent());
        const link = await title.getAttribute('href');
        check(link === `${api}/api/v1/case-studies/${item.slug}`, `card ${i + 1}'s title links back to the case study`, link);
        check((await getJson(link)).slug === item.slug, `card ${i + 1}'s link answers the case study`);
        const place = await card.locator('.place').textContent();
        check(place.startsWith(item.place.name), `card ${i + 1} names the place, ${item.place.name}`, place);
        check(await card.locator('.summary').textContent() === item.summary, `card ${i + 1} has the summary`);
        const evidence = await card.locator('.evidence').textContent();
        check(evidence.includes(`${labels.get(item.evidenceLevel)} (${item.evidenceLevel} of 5)`) && evidence.includes(item.licence.replaceAll('-', ' ')),
            `card ${i + 1} shows its evidence level and licence`, evidence);
      }
      const attribution = widget.locator('footer');
      const attributionText = await attribution.textContent();
      check(attributionText.includes('from the Integration Evidence Repository') && attributionText.includes('CC BY 4.0'),
          'the attribution names the repository and the licence', attributionText);
      check(await attribution.getByRole('link', { name: 'CC BY 4.0' }).getAttribute('href')
          === 'https://creativecommons.org/licenses/by/4.0/', 'the licence links to its text');
      check(await attribution.getByRole('link', { name: 'Integration Evidence Repository' }).getAttribute('href')
          === `${api}/api/v1/case-studies?approach=social-contact-and-mixing`, 'the attribution links to the whole list in the API');
      check(problems.length === 0, 'the page logs no errors', problems.join(' | '));
      if (process.env.SCREENSHOT) {
        await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
        console.log(`screenshot: ${process.env.SCREENSHOT}`);
      }

      await widget.evaluate((element) => element.setAttribute('limit', '1'));
      await page.waitForFunction(() => document.getElementById('social-contact').shadowRoot.querySelectorAll('article').length === 1);
      check(await cards.locator('h3').textContent() === expected.items[0].title, 'changing limit to 1 re-renders one card');

      check(await addWidget(page, 'hostile', { approach: hostileApproach }) === 'loaded', 'a widget added later loads too');
      const hostile = page.locator('#hostile');
      check(await hostile.locator('h3').textContent() === hostileTitle, 'a title made of HTML is shown as text',
          await hostile.locator('h3').textContent());
      const injected = await page.evaluate(() => ({
        elements: document.getElementById('hostile').shadowRoot.querySelectorAll('article img, article script, article b').length,
        ran: window.hostileScriptRan === true,
      }));
      check(injected.elements === 0 && !injected.ran, 'no element or script of it reaches the page', JSON.stringify(injected));
      check(problems.length === 0, 'still no errors on the page', problems.join(' | '));

      check(await addWidget(page, 'bad-filter', { 'min-evidence': '9' }) === 'error', 'a bad attribute shows an error');
      const badFilter = await page.locator('#bad-filter').locator('.status').textContent();
      check(badFilter.startsWith('These case studies cannot be shown: minEvidence'), 'the error names the attribute', badFilter);

      check(await addWidget(page, 'api-down', { api: 'http://127.0.0.1:9' }) === 'error', 'an unreachable API shows an error');
      const down = await page.locator('#api-down').locator('.status').textContent();
      check(down === 'Case studies cannot be loaded at the moment. Please try again later.', 'the error is polite', down);
    }, { viewport: { width: 1100, height: 560 } });
  } finally {
    server.close();
  }
});
