/*
 * <evidence-case-studies>: cards of case studies from the Integration Evidence Repository, for any web page.
 *
 *   <script src="https://<api host>/embed/case-studies.js" defer></script>
 *   <evidence-case-studies approach="school-linking" limit="3"></evidence-case-studies>
 *
 * Attributes (all optional) are the filters of GET /api/v1/case-studies: approach, country, region, place, theme,
 * target-group, scale (several values separated by commas), q, min-evidence, sort; limit (1 to 10, default 3);
 * api (the API's address, by default where this script came from); link-template (where a title links to, with
 * {slug} in it, by default the case study's URL in the API). The cards re-render when an attribute changes.
 *
 * No dependencies and no build step. Text from the API is only ever set as textContent, never parsed as HTML.
 */
(() => {
  'use strict';

  const TAG = 'evidence-case-studies';
  if (customElements.get(TAG)) return;

  // A module script has no currentScript: look for the script tag by its path.
  const script = document.currentScript
      || document.querySelector('script[src*="/embed/case-studies.js"]');
  const DEFAULT_API = script ? new URL(script.src, document.baseURI).origin : location.origin;

  const LIST_FILTERS = { approach: 'approach', country: 'country', region: 'region', place: 'place', theme: 'theme',
    'target-group': 'targetGroup', scale: 'scale' };
  const SINGLE_FILTERS = { q: 'q', 'min-evidence': 'minEvidence', sort: 'sort' };
  const MAX_LIMIT = 10;
  const DEFAULT_LIMIT = 3;

  const CSS = `
    :host { display: block; font: inherit; color: var(--evidence-text, #1f2328); --accent: var(--evidence-accent, #0b5cad);
      --muted: var(--evidence-muted, #59636e); --card: var(--evidence-card, #ffffff); --border: var(--evidence-border, #d1d9e0); }
    @media (prefers-color-scheme: dark) {
      :host { color: var(--evidence-text, #e6edf3); --accent: var(--evidence-accent, #6cb6ff);
        --muted: var(--evidence-muted, #9198a1); --card: var(--evidence-card, #151b23); --border: var(--evidence-border, #3d444d); }
    }
    :host([hidden]) { display: none; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem;
      grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
    article { height: 100%; box-sizing: border-box; padding: 1rem; border: 1px solid var(--border); border-radius: .5rem;
      background: var(--card); display: flex; flex-direction: column; gap: .5rem; }
    h3 { margin: 0; font-size: 1.05rem; line-height: 1.3; }
    a { color: var(--accent); }
    .place, .evidence, .status, footer { color: var(--muted); font-size: .875rem; }
    .place, .summary { margin: 0; }
    .evidence { margin: auto 0 0; }
    .evidence strong { color: inherit; font-weight: 600; }
    footer { margin-top: .75rem; }
    .status[data-state="error"] { color: inherit; border-left: 3px solid #c62828; padding-left: .5rem; }
  `;

  let sheet = null;
  function styles() {
    // A constructed stylesheet is not inline style, so a page's Content-Security-Policy does not block it.
    if (sheet === null && 'adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    return sheet;
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

  class EvidenceCaseStudies extends HTMLElement {
    static get observedAttributes() {
      return [...Object.keys(LIST_FILTERS), ...Object.keys(SINGLE_FILTERS), 'limit', 'api', 'link-template'];
    }

    constructor() {
      super();
      this.attachShadow({ mode: 'open' });
      const sheetObject = styles();
      if (sheetObject) this.shadowRoot.adoptedStyleSheets = [sheetObject];
      else this.shadowRoot.append(element('style', {}, CSS));
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

    get limit() {
      const limit = Number.parseInt(this.getAttribute('limit') ?? '', 10);
      return Number.isInteger(limit) ? Math.min(Math.max(limit, 1), MAX_LIMIT) : DEFAULT_LIMIT;
    }

    query(withLimit) {
      const params = new URLSearchParams();
      for (const [attribute, parameter] of Object.entries(LIST_FILTERS)) {
        for (const value of (this.getAttribute(attribute) || '').split(',')) {
          if (value.trim()) params.append(parameter, value.trim());
        }
      }
      for (const [attribute, parameter] of Object.entries(SINGLE_FILTERS)) {
        const value = this.getAttribute(attribute);
        if (value && value.trim()) params.set(parameter, value.trim());
      }
      if (withLimit) params.set('limit', String(this.limit));
      return params;
    }

    link(slug) {
      const template = this.getAttribute('link-template');
      if (template && /^https?:\/\//.test(template)) return template.replaceAll('{slug}', encodeURIComponent(slug));
      return `${this.api}/api/v1/case-studies/${encodeURIComponent(slug)}`;
    }

    showStatus(state, text) {
      this.setAttribute('aria-busy', String(state === 'loading'));
      this.dataset.state = state;
      this.content.replaceChildren(element('p', { class: 'status', 'data-state': state, part: 'status' }, text));
    }

    async render() {
      if (this.controller) this.controller.abort();
      const controller = new AbortController();
      this.controller = controller;
      const api = this.api;
      this.showStatus('loading', 'Loading case studies…');
      let page;
      let problem = null;
      try {
        const response = await fetch(`${api}/api/v1/case-studies?${this.query(true)}`,
            { headers: { Accept: 'application/json' }, signal: controller.signal });
        if (response.ok) page = await response.json();
        else problem = await response.json().catch(() => ({ status: response.status }));
      } catch (error) {
        if (controller.signal.aborted) return;
        this.showStatus('error', 'Case studies cannot be loaded at the moment. Please try again later.');
        return;
      }
      if (controller.signal.aborted) return;
      if (problem) {
        const detail = problem.errors && problem.errors.length
            ? problem.errors.map((error) => `${error.field}: ${error.message}`).join('; ')
            : problem.detail || problem.title || `the API answered ${problem.status}`;
        this.showStatus('error', problem.status >= 400 && problem.status < 500
            ? `These case studies cannot be shown: ${detail}.`
            : 'Case studies cannot be loaded at the moment. Please try again later.');
        return;
      }
      const levels = await evidenceLevels(api);
      if (controller.signal.aborted) return;
      if (page.items.length === 0) {
        this.showStatus('empty', 'No case studies match.');
        return;
      }
      this.content.replaceChildren(
          element('ul', { part: 'list' }, ...page.items.map((item) => element('li', {}, this.card(item, levels)))),
          this.footer(api, page));
      this.setAttribute('aria-busy', 'false');
      this.dataset.state = 'loaded';
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

  customElements.define(TAG, EvidenceCaseStudies);
})();
