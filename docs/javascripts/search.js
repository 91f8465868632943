// jirei site search: the header box (overrides/partials/search.html) and the search page
// (docs/search.md), both answered by Pagefind from <site>/pagefind/ — same origin, loaded
// on first use, no request elsewhere. window.jireiSearch.search() is the one query path;
// the evaluation in tests/search/ calls it too.
(() => {
  "use strict";

  const HEADER_LIMIT = 8;
  const PAGE_SIZE = 20;
  const DEBOUNCE_MS = 150;
  const KINDS = [
    [/\/cases\/\d{6}-[^/]+\/$/, "事例"],
    [/\/municipalities\/\d{6}\/$/, "市区町村"],
    [/\/prefectures\/\d{2}\/$/, "都道府県"],
  ];

  const box = document.querySelector("[data-jirei-search]");
  if (!box) return;
  const base = box.getAttribute("data-jirei-base") || ".";
  const siteRoot = new URL(base.replace(/\/?$/, "/"), document.baseURI);
  let pagefind = null;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", siteRoot).href).then(async (module) => {
        await module.options({ baseUrl: siteRoot.pathname, excerptLength: 24 });
        return module;
      });
    }
    return pagefind;
  }

  function kindOf(url) {
    const found = KINDS.find(([pattern]) => pattern.test(url));
    return found ? found[1] : "ページ";
  }

  // Results come in two tiers: places whose name, reading or code the query matches
  // (data/places.json, exact matches first; their pages are not in the Pagefind index,
  // see src/jirei/search/pagefind_index.py), then Pagefind's hits on the other pages.
  const PLACE_LIMIT = 5;
  let places = null;

  function escapeHtml(text) {
    const span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function normalize(text) {
    return text
      .normalize("NFKC")
      .replace(/\s+/g, "")
      .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
  }

  // A place as shown (full name, reading, code) and as matched: its keys, name and reading
  // pass through the same normalize() as the query, so katakana in a name (南アルプス市,
  // 茅ヶ崎市) matches whichever way it is typed.
  function place(path, full, name, reading, code, keys) {
    return {
      path, full, reading, code,
      keys: keys.map(normalize), name: normalize(name), readingKey: normalize(reading),
    };
  }

  // data/places.json → places, once per page.
  function loadPlaces() {
    if (!places) {
      places = fetch(new URL("data/places.json", siteRoot))
        .then((r) => (r.ok ? r.json() : { prefectures: [], municipalities: [] }))
        .then(({ prefectures, municipalities }) => {
          const prefName = Object.fromEntries(prefectures.map(([pref, name]) => [pref, name]));
          return [
            ...prefectures.map(([pref, name, reading, code]) =>
              place(`prefectures/${pref}/`, name, name, reading, code, [name, reading, code])),
            ...municipalities.map(([code, name, reading, other]) => {
              const full = prefName[code.slice(0, 2)] + name;
              return place(`municipalities/${code}/`, full, name, reading, code, [full, name, reading, code, ...other]);
            }),
          ];
        });
    }
    return places;
  }

  // Exact matches of a name, reading, code or other spelling first, then names and
  // readings that start with the query (from two characters on), shortest first.
  async function placeHits(query) {
    const key = normalize(query);
    if (!key) return [];
    const exact = [];
    const prefix = [];
    for (const place of await loadPlaces()) {
      if (place.keys.includes(key)) exact.push(place);
      else if (key.length >= 2 && (place.name.startsWith(key) || place.readingKey.startsWith(key))) prefix.push(place);
    }
    prefix.sort((a, b) => a.name.length - b.name.length || (a.code < b.code ? -1 : 1));
    return [...exact, ...prefix].slice(0, PLACE_LIMIT).map((place) => {
      const url = new URL(place.path, siteRoot).pathname;
      const excerpt = escapeHtml(`読み ${place.reading}・団体コード ${place.code}`);
      return { url, title: `${place.full}のマイナンバーカード交付状況`, kind: kindOf(url), excerpt };
    });
  }

  // Returns {total, results: [{url, title, kind, excerpt}]} for the first `limit` hits.
  async function search(query, limit) {
    const text = query.trim();
    const module = await load();
    const [main, named] = await Promise.all([module.search(text), placeHits(text)]);
    if (!main) return { total: 0, results: [] }; // superseded by a newer query
    // The place pages are not in the Pagefind index, so the two tiers never share a page:
    // only the fragments that will be shown are fetched.
    const ranked = main.results;
    const shown = ranked.slice(0, Math.max(0, limit - named.length));
    const pages = await Promise.all(shown.map((hit) => hit.data()));
    const found = pages.map((page) => ({
      url: page.url,
      title: page.meta.title || page.url,
      kind: kindOf(page.url),
      excerpt: page.excerpt, // Pagefind escapes the text and adds only <mark>
    }));
    return { total: ranked.length + named.length, results: [...named, ...found].slice(0, limit) };
  }
  window.jireiSearch = { search, load };

  function item(result, className) {
    const li = document.createElement("li");
    li.className = className;
    const link = document.createElement("a");
    link.href = result.url;
    link.className = "jirei-search__link";
    const kind = document.createElement("span");
    kind.className = "jirei-search__kind";
    kind.textContent = result.kind;
    const title = document.createElement("span");
    title.className = "jirei-search__title";
    title.textContent = result.title;
    const excerpt = document.createElement("span");
    excerpt.className = "jirei-search__excerpt";
    excerpt.innerHTML = result.excerpt;
    link.append(kind, title, excerpt);
    li.append(link);
    return li;
  }

  function summary(total, shown) {
    if (total === 0) return "見つかりませんでした";
    if (shown < total) return `${total} 件見つかりました（上位 ${shown} 件を表示）`;
    return `${total} 件見つかりました`;
  }

  // --- header box -------------------------------------------------------------------
  const input = box.querySelector("input[name=q]");
  const status = box.querySelector("[role=status]");
  const list = box.querySelector("ol");
  const toggle = document.getElementById("__search");
  let timer = 0;
  let latest = 0;

  function open(state) {
    if (toggle && toggle.checked !== state) toggle.checked = state;
  }

  async function run() {
    const query = input.value.trim();
    const ticket = ++latest;
    list.replaceChildren();
    if (!query) {
      status.textContent = "キーワードを入力してください";
      return;
    }
    status.textContent = "検索しています…";
    try {
      const found = await search(query, HEADER_LIMIT);
      if (ticket !== latest) return;
      status.textContent = summary(found.total, found.results.length);
      list.replaceChildren(...found.results.map((r) => item(r, "md-search-result__item")));
      if (found.total > found.results.length) {
        const more = document.createElement("li");
        more.className = "md-search-result__item jirei-search__more";
        const link = document.createElement("a");
        link.href = new URL(`search/?q=${encodeURIComponent(query)}`, siteRoot).href;
        link.className = "jirei-search__link";
        link.textContent = `すべての結果（${found.total} 件）を見る`;
        more.append(link);
        list.append(more);
      }
    } catch (error) {
      if (ticket === latest) status.textContent = "検索を読み込めませんでした";
      throw error;
    }
  }

  // Start fetching the engine and the places list as soon as the box gets focus, and the
  // index chunks for the words typed so far while the debounce waits, so that the first
  // results do not pay for every download in turn.
  input.addEventListener("focus", () => {
    open(true);
    load();
    loadPlaces();
  });
  input.addEventListener("input", () => {
    open(true);
    clearTimeout(timer);
    const text = input.value.trim();
    if (text) load().then((module) => module.preload(text)).catch(() => {});
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  box.querySelector("form").addEventListener("reset", () => {
    latest++;
    list.replaceChildren();
    status.textContent = "キーワードを入力してください";
    input.focus();
  });
  box.addEventListener("keydown", (event) => {
    const links = [...list.querySelectorAll("a")];
    const index = links.indexOf(document.activeElement);
    if (event.key === "Escape") {
      open(false);
      input.blur();
    } else if (event.key === "ArrowDown" && links.length) {
      links[Math.min(index + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" && index >= 0) {
      (index === 0 ? input : links[index - 1]).focus();
    } else {
      return;
    }
    event.preventDefault();
  });
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
    }
  });

  // --- search page (docs/search.md) ------------------------------------------------
  const page = document.querySelector("[data-jirei-search-page]");
  if (!page) return;
  const pageInput = page.querySelector("input[name=q]");
  const pageStatus = page.querySelector("[role=status]");
  const pageList = page.querySelector("ol");
  const moreButton = page.querySelector("button[data-more]");
  let shown = PAGE_SIZE;

  async function runPage() {
    const query = pageInput.value.trim();
    pageList.replaceChildren();
    moreButton.hidden = true;
    if (!query) {
      pageStatus.textContent = "キーワードを入力してください";
      return;
    }
    pageStatus.textContent = "検索しています…";
    const found = await search(query, shown);
    pageStatus.textContent = summary(found.total, found.results.length).replace(/^(\d+) 件/, `「${query}」: $1 件`);
    pageList.replaceChildren(...found.results.map((r) => item(r, "jirei-search-page__item")));
    moreButton.hidden = found.results.length >= found.total;
  }

  page.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    shown = PAGE_SIZE;
    const url = new URL(location.href);
    url.searchParams.set("q", pageInput.value.trim());
    history.replaceState(null, "", url);
    runPage();
  });
  moreButton.addEventListener("click", () => {
    shown += PAGE_SIZE;
    runPage();
  });
  pageInput.value = new URLSearchParams(location.search).get("q") || "";
  runPage();
})();
