// Checks the API's citation formats with independent tools, against the application at API_URL:
// the CSL-JSON of a seed case study (SEED_SLUG) and of a case study with a hostile title and a source with a DOI,
// Handle and ISBN (HOSTILE_SLUG, HOSTILE_TITLE) rendered in APA by citeproc-js, with the APA style and en-US locale
// that @citation-js/plugin-csl bundles; their BibTeX and RIS parsed back by citation-js and compared with the JSON.
// Prints "ok - ..." per check; exits 1 at the first that fails.
import CSL from 'citeproc';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';

const API = process.env.API_URL;
const CSL_JSON = 'application/vnd.citationstyles.csl+json';

function ok(condition, what, detail) {
  if (!condition) {
    console.log(`not ok - ${what}${detail === undefined ? '' : `\n  ${JSON.stringify(detail)}`}`);
    process.exit(1);
  }
  console.log(`ok - ${what}`);
}

async function get(path, accept) {
  const response = await fetch(API + path, { headers: accept ? { Accept: accept } : {} });
  ok(response.status === 200, `GET ${path} (${accept ?? 'default'}) is 200`, response.status);
  return response;
}

function apa(items) {
  const config = plugins.config.get('@csl');
  const byId = Object.fromEntries(items.map((item) => [item.id, item]));
  const engine = new CSL.Engine({
    retrieveLocale: () => config.locales.get('en-US'),
    retrieveItem: (id) => byId[id],
  }, config.templates.get('apa'));
  engine.setOutputFormat('text');
  engine.updateItems(items.map((item) => item.id));
  const [meta, entries] = engine.makeBibliography();
  ok(meta.bibliography_errors.length === 0, 'citeproc reports no bibliography errors', meta.bibliography_errors);
  return entries.map((entry) => entry.trim());
}

const name = (person) => person?.literal ?? person?.family;
// TeX reads a run of spaces as one, and RIS writes one (some readers take "XX  - " for a tag even inside a line), so
// text compares with its runs of spaces collapsed.
const collapse = (format, text) => (typeof text === 'string' ? text.replace(/\s+/g, ' ') : text);
const year = (item) => item.issued?.['date-parts']?.[0]?.[0];

async function check(slug, label) {
  const json = await (await get(`/api/v1/case-studies/${slug}`)).json();
  const cite = json.citeAs;
  ok(cite && cite.url.endsWith(`/api/v1/case-studies/${slug}/versions/${json.version}`), `${label}: JSON says how to cite it`, cite);
  const items = await (await get(`/api/v1/case-studies/${slug}`, CSL_JSON)).json();
  ok(items.length === 1 + json.sources.length, `${label}: CSL-JSON has the case study and each source`, items.length);

  const rendered = apa(items);
  const entry = rendered.find((line) => line.includes(cite.url));
  ok(entry !== undefined, `${label}: the APA bibliography has the case study`, rendered);
  const expected = `${cite.publisher}. (${cite.date.slice(0, 4)}). `;
  ok(entry.startsWith(expected) && entry.includes(`(Version ${json.version})`),
    `${label}: the CSL-JSON renders in APA: ${entry}`, entry);
  // APA's text output turns straight apostrophes into typographic ones.
  ok(entry.replaceAll('\u2019', "'").includes(json.title), `${label}: the APA entry has the title as it is`, entry);

  for (const [format, accept, type] of [['BibTeX', 'application/x-bibtex', '@biblatex/text'],
    ['RIS', 'application/x-research-info-systems', '@ris/file']]) {
    const text = await (await get(`/api/v1/case-studies/${slug}`, accept)).text();
    // The type is named, as the media type names it: citation-js would guess BibTeX for RIS whose title has "@misc{".
    const parsed = new Cite(text, { forceType: type }).data;
    ok(parsed.length === items.length, `${label}: citation-js reads every ${format} entry back`, parsed.length);
    const own = parsed[0];
    ok(own.title === collapse(format, json.title), `${label}: ${format} title`, [own.title, json.title]);
    ok(own.publisher === cite.publisher, `${label}: ${format} publisher`, own.publisher);
    ok(name(own.author?.[0]) === cite.publisher, `${label}: ${format} author is the repository`, own.author);
    ok(year(own) === Number(cite.date.slice(0, 4)), `${label}: ${format} year`, own.issued);
    ok(own.URL === cite.url, `${label}: ${format} URL is the version's`, own.URL);
    json.sources.forEach((source, i) => {
      const work = parsed[i + 1];
      ok(work.title === collapse(format, source.title), `${label}: ${format} source ${i + 1} title`, [work.title, source.title]);
      ok((work.DOI ?? null) === source.doi, `${label}: ${format} source ${i + 1} DOI`, [work.DOI, source.doi]);
      ok((work.ISBN ?? null) === source.isbn, `${label}: ${format} source ${i + 1} ISBN`, [work.ISBN, source.isbn]);
      ok((work.URL ?? null) === source.url, `${label}: ${format} source ${i + 1} URL`, [work.URL, source.url]);
    });
  }
}

await check(process.env.SEED_SLUG, 'seed case study');
await check(process.env.HOSTILE_SLUG, 'hostile title');
const hostile = await (await get(`/api/v1/case-studies/${process.env.HOSTILE_SLUG}`)).json();
ok(hostile.title === process.env.HOSTILE_TITLE && hostile.sources[0].doi !== null,
  'the hostile case study is the one created, with a DOI');
