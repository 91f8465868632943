// jirei site search, part 2: the engine. Answers a query from Pagefind (<site>/pagefind/) and
// data/places.json — same origin, loaded on first use, no request elsewhere. The query is
// read by search-query.js; window.jireiSearch.search() is the one query path, used by the
// header box and the search page (search-ui.js) and by the evaluation in tests/search/.
(() => {
  "use strict";

  const PLACE_LIMIT = 5;
  const EXTRA = 4; // when pages were dropped, fetch this many more than needed
  const KEY_WORD = /jirei(word|alias)[a-z]{2,3}/;
  const LISTING = /^\/$|^\/(indexes|tags)\/|^\/cases\/(finder\/)?$/;
  const GUIDE = "guide";
  const KINDS = [
    [/\/cases\/\d{6}-[^/]+\/$/, "事例"],
    [/\/municipalities\/\d{6}\/$/, "市区町村"],
    [/\/prefectures\/\d{2}\/$/, "都道府県"],
    [/\/(contributing|about|data|search|schema)\//, "サイトの使い方"],
  ];

  const box = document.querySelector("[data-jirei-search]");
  const query = window.jireiSearchQuery;
  if (!box || !query) return;
  const base = box.getAttribute("data-jirei-base") || ".";
  const siteRoot = new URL(base.replace(/\/?$/, "/"), document.baseURI);
  let pagefind = null;
  let dictionary = null;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", siteRoot).href).then(async (module) => {
        await module.options({ baseUrl: siteRoot.pathname, excerptLength: 24 });
        return module;
      });
    }
    return pagefind;
  }

  // data/places.json → the lookup tables of search-query.js, once per page.
  function loadPlaces() {
    if (!dictionary) {
      dictionary = fetch(new URL("data/places.json", siteRoot))
        .then((r) => (r.ok ? r.json() : {}))
        .then((raw) => query.prepare(raw));
    }
    return dictionary;
  }

  function kindOf(url) {
    const found = KINDS.find(([pattern]) => pattern.test(url));
    return found ? found[1] : "ページ";
  }

  function escapeHtml(text) {
    const span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function placeResult(place) {
    const url = new URL(place.path, siteRoot).pathname;
    const excerpt = escapeHtml(`読み ${place.reading}・団体コード ${place.code}`);
    const text = [place.full, place.reading, place.romaji, place.code].join(" ");
    return { url, title: `${place.full}のマイナンバーカード交付状況`, kind: kindOf(url), excerpt, text };
  }

  // Every concept is looked up on its own (OR). A page counts once per concept it matches;
  // its score adds Pagefind's score for each, weighted down for concepts that most pages
  // match (マイナンバーカード), so the rarer words decide among pages that match as many.
  async function rank(module, concepts, section) {
    const options = { filters: { section } };
    const runs = await Promise.all(
      concepts.map((concept) => Promise.all(concept.queries.map((q) => module.search(q, options)))),
    );
    const pages = new Map();
    let other = 0;
    runs.forEach((alternatives, index) => {
      // A page's score for a concept adds up its alternatives (the group's key and the typed alias's).
      const best = new Map();
      for (const found of alternatives) {
        if (!found) continue;
        const counts = found.totalFilters && found.totalFilters.section;
        other = Math.max(other, (counts && counts[section === GUIDE ? "content" : GUIDE]) || 0);
        for (const hit of found.results) {
          const seen = best.get(hit.id);
          if (!seen) best.set(hit.id, { hit, score: hit.score });
          else seen.score += hit.score;
        }
      }
      const weight = 1 / Math.log2(2 + best.size);
      for (const [id, { hit, score }] of best) {
        const page = pages.get(id) || { hit, best: 0, concepts: new Set(), score: 0 };
        page.concepts.add(index);
        page.score += score * weight;
        if (score > page.best) Object.assign(page, { hit, best: score }); // its excerpt marks the best-matching words
        pages.set(id, page);
      }
    });
    const ranked = [...pages.values()].sort((a, b) => b.concepts.size - a.concepts.size || b.score - a.score);
    return { ranked, other };
  }

  // Pagefind splits a word into parts and matches the parts anywhere (電子申請 → 電子 … 申請),
  // and its two segmenters do not always agree, so the pages about to be shown are checked
  // against their text: a concept counts only if one of its words (a synonym, a place's
  // name) is there, and a page with none is dropped. Among pages that match as many
  // concepts, the cases of a place the query names come first and lists of cases (theme and
  // tag pages, the home page) last.
  async function check(ranked, concepts, limit, places) {
    const keys = concepts.map((c) => c.words.map(query.normalize).filter(Boolean));
    const local = places.map((place) => `/cases/${place.code}-`);
    // Fragments are fetched for the pages to show, and again only to replace dropped ones.
    const pages = [];
    let next = 0;
    let dropped = 0;
    while (next < ranked.length && pages.length - dropped < limit) {
      const batch = ranked.slice(next, next + limit - (pages.length - dropped) + (next ? EXTRA : 0));
      next += batch.length;
      const loaded = await Promise.all(batch.map((page) => page.hit.data()));
      pages.push(...loaded);
      dropped = pages.filter((page) => !matches(page, keys)).length;
    }
    const kept = [];
    pages.forEach((page, order) => {
      const matched = matches(page, keys);
      const path = page.url.slice(siteRoot.pathname.length - 1);
      const listing = LISTING.test(path);
      const elsewhere = local.length > 0 && !local.some((prefix) => path.startsWith(prefix));
      if (matched) kept.push({ page, matched, listing, elsewhere, order });
    });
    // Same number of concepts: cases of a place the query names, then other pages, then lists.
    kept.sort((a, b) => b.matched - a.matched || a.elsewhere - b.elsewhere || a.listing - b.listing || a.order - b.order);
    return { pages: kept.slice(0, limit).map((k) => k.page), dropped };
  }

  // How many concepts have a word in the page's title or text.
  function matches(page, keys) {
    if (!page.matchText) page.matchText = query.normalize(`${page.meta.title || ""} ${page.content}`);
    return keys.filter((words) => words.some((word) => page.matchText.includes(word))).length;
  }

  // When a page matched through an index key, Pagefind's excerpt shows the hidden keys;
  // show the text around the first word of the query (or a synonym) instead.
  function excerptAround(content, concepts) {
    const words = concepts.flatMap((c) => c.words).filter((w) => w.length > 1);
    let at = -1;
    let word = "";
    for (const w of words) {
      const i = content.indexOf(w);
      if (i >= 0 && (at < 0 || i < at)) [at, word] = [i, w];
    }
    if (at < 0) return escapeHtml(content.slice(0, 60));
    const start = Math.max(0, at - 20);
    return `${escapeHtml(content.slice(start, at))}<mark>${escapeHtml(word)}</mark>${escapeHtml(content.slice(at + word.length, at + word.length + 40))}`;
  }

  // Returns {total, results: [{url, title, kind, excerpt, text?}], other, analysis}: places
  // named by the query first (their pages are not in the Pagefind index), then pages.
  // options.section: "content" (default) or "guide" (サイトの使い方); options.text: add each
  // result's full text (for the evaluation's precision check).
  async function search(text, limit, options = {}) {
    const section = options.section === GUIDE ? GUIDE : "content";
    const [module, data] = await Promise.all([load(), loadPlaces()]);
    const analysis = query.analyze(text, data);
    const named = section === GUIDE ? [] : analysis.places.slice(0, PLACE_LIMIT).map(placeResult);
    const { ranked, other } = analysis.concepts.length
      ? await rank(module, analysis.concepts, section)
      : { ranked: [], other: 0 };
    const { pages, dropped } = await check(ranked, analysis.concepts, Math.max(0, limit - named.length), analysis.places);
    const found = pages.map((page) => ({
      url: page.url,
      title: page.meta.title || page.url,
      kind: kindOf(page.url),
      excerpt: KEY_WORD.test(page.excerpt) ? excerptAround(page.content, analysis.concepts) : page.excerpt,
      text: options.text ? `${page.meta.title || ""} ${page.content}` : undefined,
    }));
    const results = [...named, ...found].slice(0, limit);
    return { total: ranked.length - dropped + named.length, results, other, analysis, data };
  }
  window.jireiSearch = { search, load, loadPlaces, siteRoot, GUIDE };
})();
