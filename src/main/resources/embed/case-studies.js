/*
 * <evidence-case-studies>: cards of case studies from the Integration Evidence Repository, for any web page.
 * <evidence-gap-map>: the evidence gap map of the same case studies, as a table of shaded cells.
 *
 *   <script src="https://<api host>/embed/case-studies.js" defer></script>
 *   <evidence-case-studies approach="school-linking" limit="3"></evidence-case-studies>
 *   <evidence-gap-map rows="approach" columns="outcomeDomain" country="GB"></evidence-gap-map>
 *
 * Attributes of both (all optional) are the filters of GET /api/v1/case-studies: approach, country, region, place,
 * theme, target-group, scale (several values separated by commas), q, min-evidence; api (the API's address, by
 * default where this script came from). The cards also take sort; limit (1 to 10, default 3); link-template (where a
 * title links to, with {slug} in it, by default the case study's URL in the API). The map also takes rows, columns,
 * rows-depth and columns-depth (the dimensions of GET /api/v1/evidence-map), outcome-domain, and link-template (where a cell links to,
 * with {query} in it, the query of the cell's search; by default that search in the API). Both re-render when an
 * attribute changes.
 *
 * No dependencies and no build step. Text from the API is only ever set as textContent, never parsed as HTML.
 */
(() => {
  'use strict';

  const TAG = 'evidence-case-studies';
  const MAP_TAG = 'evidence-gap-map';
  if (customElements.get(TAG) && customElements.get(MAP_TAG)) return;

  // A module script has no currentScript: look for the script tag by its path.
  const script = document.currentScript
      || document.querySelector('script[src*="/embed/case-studies.js"]');
  const DEFAULT_API = script ? new URL(script.src, document.baseURI).origin : location.origin;

  const LIST_FILTERS = { approach: 'approach', country: 'country', region: 'region', place: 'place', theme: 'theme',
    'target-group': 'targetGroup', scale: 'scale' };
  const SINGLE_FILTERS = { q: 'q', 'min-evidence': 'minEvidence', sort: 'sort' };
  const MAX_LIMIT = 10;
  const DEFAULT_LIMIT = 3;
  // The map takes the list's filters (sort aside) and outcome domains, and its own parameters.
  const MAP_LIST_FILTERS = { ...LIST_FILTERS, 'outcome-domain': 'outcomeDomain' };
  const MAP_SINGLE_FILTERS = { q: 'q', 'min-evidence': 'minEvidence' };
  const MAP_PARAMETERS = { rows: 'rows', columns: 'columns', 'rows-depth': 'rowsDepth', 'columns-depth': 'columnsDepth' };

  const HOST_CSS = `
    :host { display: block; font: inherit; color: var(--evidence-text, #1f2328); --accent: var(--evidence-accent, #0b5cad);
      --muted: var(--evidence-muted, #59636e); --card: var(--evidence-card, #ffffff); --border: var(--evidence-border, #d1d9e0); }
    @media (prefers-color-scheme: dark) {
      :host { color: var(--evidence-text, #e6edf3); --accent: var(--evidence-accent, #6cb6ff);
        --muted: var(--evidence-muted, #9198a1); --card: var(--evidence-card, #151b23); --border: var(--evidence-border, #3d444d); }
    }
    :host([hidden]) { display: none; }
    a { color: var(--accent); }
    .status, footer { color: var(--muted); font-size: .875rem; }
    footer { margin-top: .75rem; }
    .status[data-state="error"] { color: inherit; border-left: 3px solid #c62828; padding-left: .5rem; }
  `;

  const CSS = `${HOST_CSS}
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem;
      grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
    article { height: 100%; box-sizing: border-box; padding: 1rem; border: 1px solid var(--border); border-radius: .5rem;
      background: var(--card); display: flex; flex-direction: column; gap: .5rem; }
    h3 { margin: 0; font-size: 1.05rem; line-height: 1.3; }
    .place, .evidence { color: var(--muted); font-size: .875rem; }
    .place, .summary { margin: 0; }
    .evidence { margin: auto 0 0; }
    .evidence strong { color: inherit; font-weight: 600; }
  `;

  // ColorBrewer's sequential Blues in five classes of case studies per cell, as in the map's SVG (EvidenceMapSvg):
  // readable to the colour-blind; the darkest two take white text. A gap is left blank with a dashed border.
  const SHADES = [
    { from: 1, legend: '1', fill: '#eff3ff', ink: '#08306b' },
    { from: 2, legend: '2', fill: '#bdd7e7', ink: '#08306b' },
    { from: 3, legend: '3–4', fill: '#6baed6', ink: '#08306b' },
    { from: 5, legend: '5–9', fill: '#3182bd', ink: '#ffffff' },
    { from: 10, legend: '10 or more', fill: '#08519c', ink: '#ffffff' },
  ];
  // The direction most findings of a cell report; a tie between reported directions is mixed, and "not reported"
  // counts only when no finding reports a direction.
  const DIRECTIONS = [
    { key: 'improved', mark: '▲', legend: 'improved', phrase: 'mostly improved' },
    { key: 'worsened', mark: '▼', legend: 'worsened', phrase: 'mostly worsened' },
    { key: 'mixed', mark: '◆', legend: 'mixed, or no single direction leads', phrase: 'mixed or no single direction leads' },
    { key: 'no-change', mark: '●', legend: 'no change', phrase: 'mostly no change' },
    { key: 'not-reported', mark: '○', legend: 'not reported', phrase: 'directions not reported' },
  ];
  const DIMENSIONS = { approach: 'approach', outcomeDomain: 'outcome domain', theme: 'theme', targetGroup: 'target group',
    country: 'country' };

  const MAP_CSS = `${HOST_CSS}
    .scroll { overflow-x: auto; }
    table { border-collapse: separate; border-spacing: 2px; font-size: .875rem; }
    caption { text-align: left; padding-bottom: .5rem; }
    caption strong { display: block; font-size: 1.05rem; }
    caption span { color: var(--muted); }
    th { font-weight: 600; font-size: .8125rem; line-height: 1.2; }
    thead th { vertical-align: bottom; text-align: center; padding: 0 .125rem .25rem; }
    table.turned thead th span { writing-mode: vertical-rl; transform: rotate(180deg); display: inline-block;
      max-height: 10rem; text-align: left; }
    th[scope="row"] { text-align: right; padding-right: .5rem; max-width: 14rem; font-weight: 500; overflow-wrap: anywhere; }
    td { min-width: 2.75rem; height: 2.75rem; padding: 0; text-align: center; border-radius: 2px; }
    td a { display: flex; flex-direction: column; justify-content: center; align-items: center; height: 100%;
      min-height: 2.75rem; color: inherit; text-decoration: none; border-radius: 2px; }
    td a:hover .count { text-decoration: underline; }
    td .count { font-weight: 700; font-size: 1rem; line-height: 1.1; }
    td .marks { font-size: .75rem; white-space: nowrap; }
    td.gap { border: 1px dashed var(--muted); }
    td[data-shade="1"], .swatch[data-shade="1"] { box-shadow: inset 0 0 0 1px #6baed6; }
    a:focus-visible, td:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
    .legend { margin-top: .75rem; font-size: .8125rem; color: var(--muted); }
    .legend ul { list-style: none; margin: 0 0 .25rem; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
    .legend li { display: flex; align-items: center; gap: .35rem; }
    .legend strong { color: var(--evidence-text, inherit); }
    .swatch { display: inline-block; width: 1rem; height: .8rem; border-radius: 2px; }
    .swatch.gap { border: 1px dashed var(--muted); box-sizing: border-box; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
      clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
    ${SHADES.map((shade, index) => `[data-shade="${index + 1}"] { background: ${shade.fill}; color: ${shade.ink}; }`).join('\n    ')}
  `;

  const sheets = new Map();
  function styles(css) {
    // A constructed stylesheet is not inline style, so a page's Content-Security-Policy does not block it.
    if (!sheets.has(css) && 'adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    return sheets.get(css) || null;
  }

  const levelCache = new Map();
  function evidenceLevels(api) {
    if (!levelCache.has(api)) {
      const levels = fetch(`${api}/api/v1/evidence-levels`, { headers: { Accept: 'application/json' } })
          .then((response) => {
            if (!response.ok) throw new Error(`evidence levels: ${response.status}`);
            return response.json();
          })
          .then((page) => new Map(page.items.map((level) => [level.level, level.label])))
          .catch(() => {
            levelCache.delete(api);  // asked again by the next render; meanwhile levels show as numbers
            return new Map();
          });
      levelCache.set(api, levels);
    }
    return levelCache.get(api);
  }

  function element(name, attributes = {}, ...children) {
    const node = document.createElement(name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    for (const child of children) node.append(child);  // strings become text nodes
    return node;
  }

  function licenceUrl(id) {
    const cc = /^CC-(BY(?:-SA|-NC|-ND|-NC-SA|-NC-ND)?)-(\d\.\d)$/.exec(id);
    if (cc) return `https://creativecommons.org/licenses/${cc[1].toLowerCase()}/${cc[2]}/`;
    if (id === 'CC0-1.0') return 'https://creativecommons.org/publicdomain/zero/1.0/';
    return `https://spdx.org/licenses/${encodeURIComponent(id)}.html`;
  }

  // CC-BY-4.0 reads "CC BY 4.0", as Creative Commons writes it; other identifiers stay as they are.
  function licenceName(id) {
    return id.startsWith('CC') ? id.replaceAll('-', ' ') : id;
  }

  function countryName(code) {
    try {
      return new Intl.DisplayNames([document.documentElement.lang || navigator.language || 'en'], { type: 'region' }).of(code);
    } catch {
      return code;
    }
  }

  // What both elements share: the shadow root, one render for several attribute changes, the API's address, the
  // filters as query parameters, and loading and error states.
  class EvidenceElement extends HTMLElement {
    constructor(css) {
      super();
      this.attachShadow({ mode: 'open' });
      const sheetObject = styles(css);
      if (sheetObject) this.shadowRoot.adoptedStyleSheets = [sheetObject];
      else this.shadowRoot.append(element('style', {}, css));
      this.content = element('div', { part: 'content', 'aria-live': 'polite' });
      this.shadowRoot.append(this.content);
      this.pending = null;
      this.controller = null;
    }

    connectedCallback() { this.scheduleRender(); }

    disconnectedCallback() { if (this.controller) this.controller.abort(); }

    attributeChangedCallback(name, oldValue, newValue) {
      if (oldValue !== newValue && this.isConnected) this.scheduleRender();
    }

    // Several attributes set in one go make one request.
    scheduleRender() {
      if (this.pending) return;
      this.pending = Promise.resolve().then(() => {
        this.pending = null;
        this.render();
      });
    }

    get api() { return (this.getAttribute('api') || DEFAULT_API).replace(/\/+$/, ''); }

    parameters(lists, singles) {
      const params = new URLSearchParams();
      for (const [attribute, parameter] of Object.entries(lists)) {
        for (const value of (this.getAttribute(attribute) || '').split(',')) {
          if (value.trim()) params.append(parameter, value.trim());
        }
      }
      for (const [attribute, parameter] of Object.entries(singles)) {
        const value = this.getAttribute(attribute);
        if (value && value.trim()) params.set(parameter, value.trim());
      }
      return params;
    }

    showStatus(state, text) {
      this.setAttribute('aria-busy', String(state === 'loading'));
      this.dataset.state = state;
      this.content.replaceChildren(element('p', { class: 'status', 'data-state': state, part: 'status' }, text));
    }

    showLoaded(...children) {
      this.content.replaceChildren(...children);
      this.setAttribute('aria-busy', 'false');
      this.dataset.state = 'loaded';
    }

    // A new render overtakes the one under way.
    restart() {
      if (this.controller) this.controller.abort();
      this.controller = new AbortController();
      return this.controller;
    }

    // The API's JSON answer; null once an error is shown, or when a newer render has overtaken this one.
    async fetchJson(url, controller, texts) {
      let body;
      let problem = null;
      try {
        const response = await fetch(url, { headers: { Accept: 'application/json' }, signal: controller.signal });
        if (response.ok) body = await response.json();
        else problem = await response.json().catch(() => ({ status: response.status }));
      } catch (error) {
        if (!controller.signal.aborted) this.showStatus('error', texts.unavailable);
        return null;
      }
      if (controller.signal.aborted) return null;
      if (problem) {
        const detail = problem.errors && problem.errors.length
            ? problem.errors.map((error) => `${error.field}: ${error.message}`).join('; ')
            : problem.detail || problem.title || `the API answered ${problem.status}`;
        this.showStatus('error', problem.status >= 400 && problem.status < 500
            ? `${texts.refused}: ${detail}.` : texts.unavailable);
        return null;
      }
      return body;
    }
  }

  class EvidenceCaseStudies extends EvidenceElement {
    static get observedAttributes() {
      return [...Object.keys(LIST_FILTERS), ...Object.keys(SINGLE_FILTERS), 'limit', 'api', 'link-template'];
    }

    constructor() { super(CSS); }

    get limit() {
      const limit = Number.parseInt(this.getAttribute('limit') ?? '', 10);
      return Number.isInteger(limit) ? Math.min(Math.max(limit, 1), MAX_LIMIT) : DEFAULT_LIMIT;
    }

    query(withLimit) {
      const params = this.parameters(LIST_FILTERS, SINGLE_FILTERS);
      if (withLimit) params.set('limit', String(this.limit));
      return params;
    }

    link(slug) {
      const template = this.getAttribute('link-template');
      if (template && /^https?:\/\//.test(template)) return template.replaceAll('{slug}', encodeURIComponent(slug));
      return `${this.api}/api/v1/case-studies/${encodeURIComponent(slug)}`;
    }

    async render() {
      const controller = this.restart();
      const api = this.api;
      this.showStatus('loading', 'Loading case studies…');
      const page = await this.fetchJson(`${api}/api/v1/case-studies?${this.query(true)}`, controller, {
        unavailable: 'Case studies cannot be loaded at the moment. Please try again later.',
        refused: 'These case studies cannot be shown',
      });
      if (!page) return;
      const levels = await evidenceLevels(api);
      if (controller.signal.aborted) return;
      if (page.items.length === 0) {
        this.showStatus('empty', 'No case studies match.');
        return;
      }
      this.showLoaded(
          element('ul', { part: 'list' }, ...page.items.map((item) => element('li', {}, this.card(item, levels)))),
          this.footer(api, page));
    }

    card(item, levels) {
      const place = [item.place.name];
      if (item.place.countryCode) {
        const country = countryName(item.place.countryCode);
        if (country !== item.place.name) place.push(country);
      }
      const label = levels.get(item.evidenceLevel);
      return element('article', { part: 'card' },
          element('h3', { part: 'title' }, element('a', { href: this.link(item.slug), rel: 'noopener' }, item.title)),
          element('p', { class: 'place', part: 'place' }, place.join(', ')),
          element('p', { class: 'summary', part: 'summary' }, item.summary),
          element('p', { class: 'evidence', part: 'evidence' }, 'Evidence: ',
              element('strong', {}, label ? `${label} (${item.evidenceLevel} of 5)` : `level ${item.evidenceLevel} of 5`),
              item.licence ? ` · ${licenceName(item.licence)}` : ''));
    }

    footer(api, page) {
      const licences = [...new Set(page.items.map((item) => item.licence).filter(Boolean))];
      const links = licences.flatMap((id, index) => {
        const link = element('a', { href: licenceUrl(id), rel: 'license noopener' }, licenceName(id));
        return index ? [', ', link] : [link];
      });
      const more = page.total > page.items.length ? `${page.items.length} of ${page.total} case studies` : 'Case studies';
      return element('footer', { part: 'attribution' }, `${more} from the `,
          element('a', { href: `${api}/api/v1/case-studies?${this.query(false)}`, rel: 'noopener' },
              'Integration Evidence Repository'),
          ...(links.length ? ['; texts licensed ', ...links, '.'] : ['.']));
    }
  }

  class EvidenceGapMap extends EvidenceElement {
    static get observedAttributes() {
      return [...Object.keys(MAP_LIST_FILTERS), ...Object.keys(MAP_SINGLE_FILTERS), ...Object.keys(MAP_PARAMETERS),
        'api', 'link-template'];
    }

    constructor() {
      super(MAP_CSS);
      this.shadowRoot.addEventListener('keydown', (event) => this.move(event));
    }

    query(withMapParameters) {
      const params = this.parameters(MAP_LIST_FILTERS, MAP_SINGLE_FILTERS);
      if (withMapParameters) {
        for (const [name, value] of this.parameters({}, MAP_PARAMETERS)) params.set(name, value);
      }
      return params;
    }

    // A cell's link: its search made absolute against the API, or the link template with the search's query in it.
    link(search) {
      let url;
      try {
        url = new URL(search, `${this.api}/`);
      } catch {
        return null;
      }
      if (!/^https?:$/.test(url.protocol)) return null;
      const template = this.getAttribute('link-template');
      if (template && /^https?:\/\//.test(template)) return template.replaceAll('{query}', url.search.replace(/^\?/, ''));
      return url.href;
    }

    async render() {
      const controller = this.restart();
      const api = this.api;
      this.showStatus('loading', 'Loading the evidence map…');
      const map = await this.fetchJson(`${api}/api/v1/evidence-map?${this.query(true)}`, controller, {
        unavailable: 'The evidence map cannot be loaded at the moment. Please try again later.',
        refused: 'This evidence map cannot be shown',
      });
      if (!map) return;
      const levels = await evidenceLevels(api);
      if (controller.signal.aborted) return;
      const rows = map.rows.values;
      const columns = map.columns.values;
      if (rows.length === 0 || columns.length === 0) {
        const which = rows.length === 0 && columns.length === 0 ? 'rows or columns'
            : rows.length === 0 ? `rows (${dimensionName(map.rows)})` : `columns (${dimensionName(map.columns)})`;
        this.showStatus('empty', `Nothing to map: this selection has no ${which}.`);
        return;
      }
      this.showLoaded(element('div', { class: 'scroll', part: 'map' }, this.table(map, levels)), legend(), this.footer(api, map));
    }

    table(map, levels) {
      const rows = map.rows.values;
      const columns = map.columns.values;
      const cells = new Map(map.cells.map((cell) => [`${cell.row}\u0000${cell.column}`, cell]));
      const gaps = rows.length * columns.length - map.cells.filter((cell) => cell.caseStudies > 0).length;
      const caption = element('caption', { part: 'caption' },
          element('strong', {}, `Case studies by ${dimensionName(map.rows)} and ${dimensionName(map.columns)}`),
          element('span', {}, map.caseStudies === 0
              ? 'No case studies match this selection: every cell is a gap.'
              : `${plural(map.caseStudies, 'case study', 'case studies')}, ${plural(map.findings, 'finding', 'findings')};`
                + ` ${gaps} of ${rows.length * columns.length} cells are gaps.`));
      const head = element('thead', {}, element('tr', {}, element('td', {}),
          ...columns.map((column) => element('th', { scope: 'col', title: column.label }, element('span', {}, column.label)))));
      const body = element('tbody', {}, ...rows.map((row, r) => element('tr', {},
          element('th', { scope: 'row' }, row.label),
          ...columns.map((column, c) => this.cell(row, column, cells.get(`${row.key}\u0000${column.key}`), r, c, levels)))));
      // Many columns: their headers read upwards, as in the SVG.
      return element('table', { part: 'table', class: columns.length > 6 ? 'turned' : '' }, caption, head, body);
    }

    cell(row, column, cell, r, c, levels) {
      const place = { 'data-row': row.key, 'data-column': column.key, 'data-r': String(r), 'data-c': String(c) };
      const count = cell ? cell.caseStudies : 0;
      if (count === 0) {
        return element('td', { ...place, class: 'gap', tabindex: '-1', part: 'gap' },
            element('span', { class: 'visually-hidden' }, 'no case studies'));
      }
      const shade = SHADES.filter((each) => count >= each.from).pop();
      const direction = dominantDirection(cell.directions);
      const level = cell.highestLevel;
      const levelLabel = level != null && levels.get(level) ? ` (${levels.get(level)})` : '';
      const words = [plural(count, 'case study', 'case studies'), plural(cell.findings, 'finding', 'findings')];
      if (direction) words.push(direction.phrase);
      if (level != null) words.push(`strongest evidence level ${level} of 5${levelLabel}`);
      const content = [
        element('span', { class: 'count', 'aria-hidden': 'true' }, String(count)),
        element('span', { class: 'marks', 'aria-hidden': 'true' }, level != null ? `L${level}` : '',
            direction ? `${level != null ? ' ' : ''}${direction.mark}` : ''),
        element('span', { class: 'visually-hidden' }, words.join(', ')),
      ];
      const href = cell.search ? this.link(cell.search) : null;
      const title = `${row.label} × ${column.label}: ${words.join(', ')}`;
      return element('td', { ...place, 'data-shade': String(SHADES.indexOf(shade) + 1), part: 'cell' },
          href ? element('a', { href, rel: 'noopener', title }, ...content) : element('span', { title }, ...content));
    }

    // Arrow keys move between cells (gaps included), Home and End to the ends of a row; Tab goes through the links.
    move(event) {
      const moves = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
      if (!(event.key in moves) && event.key !== 'Home' && event.key !== 'End') return;
      const from = event.target.closest && event.target.closest('td[data-r]');
      if (!from) return;
      const table = from.closest('table');
      let r = Number(from.dataset.r);
      let c = Number(from.dataset.c);
      if (event.key === 'Home') c = 0;
      else if (event.key === 'End') c = table.tBodies[0].rows[r].cells.length - 2;
      else {
        r += moves[event.key][0];
        c += moves[event.key][1];
      }
      const to = table.querySelector(`td[data-r="${r}"][data-c="${c}"]`);
      if (!to) return;
      event.preventDefault();
      (to.querySelector('a') || to).focus();
    }

    footer(api, map) {
      const query = this.query(false);
      return element('footer', { part: 'attribution' },
          `${plural(map.caseStudies, 'case study', 'case studies')} counted from the `,
          element('a', { href: `${api}/api/v1/case-studies${query.size ? `?${query}` : ''}`, rel: 'noopener' },
              'Integration Evidence Repository'),
          '; each case study gives its own licence.');
    }
  }

  function dominantDirection(directions) {
    if (!directions) return null;
    let leader = null;
    let most = 0;
    let tied = false;
    for (const direction of DIRECTIONS.slice(0, 4)) {
      const count = directions[direction.key] || 0;
      if (count > most) {
        leader = direction;
        most = count;
        tied = false;
      } else if (count === most && count > 0) {
        tied = true;
      }
    }
    if (leader) return tied ? DIRECTIONS[2] : leader;
    return directions['not-reported'] > 0 ? DIRECTIONS[4] : null;
  }

  function legend() {
    const items = [
      element('li', {}, element('strong', {}, 'Case studies in a cell:')),
      element('li', {}, element('span', { class: 'swatch gap', 'aria-hidden': 'true' }), 'none (a gap)'),
      ...SHADES.map((shade, index) => element('li', {},
          element('span', { class: 'swatch', 'data-shade': String(index + 1), 'aria-hidden': 'true' }), shade.legend)),
    ];
    const marks = [
      element('li', {}, element('strong', {}, 'Most findings:')),
      ...DIRECTIONS.map((direction) => element('li', {}, element('span', { 'aria-hidden': 'true' }, direction.mark),
          direction.legend)),
    ];
    const level = element('li', {}, element('strong', {}, 'L1–L5:'),
        'the strongest evidence level among the case studies, from L1 (described) to L5 (independently replicated)');
    return element('div', { class: 'legend', part: 'legend', role: 'group', 'aria-label': 'Legend' },
        element('ul', {}, ...items), element('ul', {}, ...marks), element('ul', {}, level));
  }

  function dimensionName(axis) {
    const name = DIMENSIONS[axis.dimension] || axis.dimension;
    if (axis.dimension === 'outcomeDomain' && axis.depth === 1) return 'outcome domain group';
    return name;
  }

  function plural(count, one, many) {
    return `${count} ${count === 1 ? one : many}`;
  }

  if (!customElements.get(TAG)) {
    customElements.define(TAG, EvidenceCaseStudies);
  }
  if (!customElements.get(MAP_TAG)) customElements.define(MAP_TAG, EvidenceGapMap);
})();
