// jirei site search, part 3: the header box (overrides/partials/search.html) and the search
// page (docs/search.md). Results come from window.jireiSearch (search.js); below them, the
// 「サイトの使い方」 pages that matched, and when nothing did, the nearest words, themes and
// the finder.
(() => {
  "use strict";

  const HEADER_LIMIT = 8;
  const PAGE_SIZE = 20;
  const DEBOUNCE_MS = 150;

  const box = document.querySelector("[data-jirei-search]");
  const engine = window.jireiSearch;
  const query = window.jireiSearchQuery;
  if (!box || !engine || !query) return;
  const { search, load, loadPlaces, siteRoot, GUIDE } = engine;

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

  function link(text, href) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  // A page of this site as a path from the server root (links stay on the same host).
  function sitePath(path) {
    const url = new URL(path, siteRoot);
    return url.pathname + url.search + url.hash;
  }

  function searchUrl(text, section) {
    const url = new URL("search/", siteRoot);
    url.searchParams.set("q", text);
    if (section === GUIDE) url.searchParams.set("section", GUIDE);
    return url.pathname + url.search;
  }

  // Below the results: 「サイトの使い方」 pages that matched, and, when nothing did, the nearest
  // words, themes and the finder.
  function hints(target, text, found, section) {
    target.replaceChildren();
    const lines = [];
    if (section !== GUIDE && found.other > 0) {
      lines.push([link(`サイトの使い方のページ（${found.other} 件）を見る`, searchUrl(text, GUIDE))]);
    } else if (section === GUIDE) {
      lines.push([link("事例などのページを探す", searchUrl(text, "content"))]);
    }
    if (found.total === 0) {
      const near = query.suggest(text, found.data);
      if (!found.analysis.concepts.length && !found.analysis.places.length) {
        lines.push(["1 文字の語や助詞だけでは探せません。2 文字以上の語で探してください。"]);
      }
      if (near.length) {
        const words = near.flatMap((n, i) => [i ? "・" : "", link(n.word, searchUrl(n.word))]);
        lines.push(["もしかして: ", ...words]);
      }
      const themes = near.filter((n) => n.theme);
      const themeLinks = themes.length
        ? themes.flatMap((n, i) => [i ? "・" : "", link(`テーマ「${n.word}」`, sitePath(`cases/finder/?theme=${encodeURIComponent(n.word)}`))])
        : [link("テーマ別の事例", sitePath("indexes/themes/"))];
      lines.push(["事例を探す: ", ...themeLinks, "・", link("条件で絞り込む", sitePath("cases/finder/"))]);
    }
    for (const parts of lines) {
      const p = document.createElement("p");
      p.append(...parts);
      target.append(p);
    }
  }

  function hintBox(after, className) {
    const div = document.createElement("div");
    div.className = className;
    after.after(div);
    return div;
  }

  // --- header box -------------------------------------------------------------------
  const input = box.querySelector("input[name=q]");
  const status = box.querySelector("[role=status]");
  const list = box.querySelector("ol");
  const headerHints = hintBox(list, "jirei-search__hints");
  const toggle = document.getElementById("__search");
  let timer = 0;
  let latest = 0;

  function open(state) {
    if (toggle && toggle.checked !== state) toggle.checked = state;
  }

  async function run() {
    const text = input.value.trim();
    const ticket = ++latest;
    list.replaceChildren();
    headerHints.replaceChildren();
    if (!text) {
      status.textContent = "キーワードを入力してください";
      return;
    }
    status.textContent = "検索しています…";
    try {
      const found = await search(text, HEADER_LIMIT);
      if (ticket !== latest) return;
      status.textContent = summary(found.total, found.results.length);
      list.replaceChildren(...found.results.map((r) => item(r, "md-search-result__item")));
      if (found.total > found.results.length) {
        const more = document.createElement("li");
        more.className = "md-search-result__item jirei-search__more";
        const all = link(`すべての結果（${found.total} 件）を見る`, searchUrl(text));
        all.className = "jirei-search__link";
        more.append(all);
        list.append(more);
      }
      hints(headerHints, text, found, "content");
    } catch (error) {
      if (ticket === latest) status.textContent = "検索を読み込めませんでした";
      throw error;
    }
  }

  // Start fetching the engine and the places list as soon as the box gets focus, and the
  // index chunks for the words typed so far while the debounce waits, so that the first
  // results do not pay for every download in turn.
  // The header's search icon (a label for the __search toggle) opens the box: give it the
  // caret in the same tap (on a phone the overlay opened but the keyboard needed a second tap).
  if (toggle) {
    toggle.addEventListener("change", () => {
      if (toggle.checked && document.activeElement !== input) input.focus({ preventScroll: true });
    });
  }
  input.addEventListener("focus", () => {
    open(true);
    load();
    loadPlaces();
  });
  input.addEventListener("input", () => {
    open(true);
    clearTimeout(timer);
    const text = input.value.trim();
    if (text) {
      Promise.all([load(), loadPlaces()])
        .then(([module, data]) => query.analyze(text, data).concepts.forEach((c) => c.queries.forEach((q) => module.preload(q))))
        .catch(() => {});
    }
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  box.querySelector("form").addEventListener("reset", () => {
    latest++;
    list.replaceChildren();
    headerHints.replaceChildren();
    status.textContent = "キーワードを入力してください";
    input.focus();
  });
  box.addEventListener("keydown", (event) => {
    const links = [...box.querySelectorAll(".md-search-result a")];
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
  const pageGuide = page.querySelector("input[name=section]");
  const pageStatus = page.querySelector("[role=status]");
  const pageList = page.querySelector("ol");
  const pageHints = hintBox(pageList, "jirei-search-page__hints");
  const moreButton = page.querySelector("button[data-more]");
  let shown = PAGE_SIZE;

  async function runPage() {
    const text = pageInput.value.trim();
    const section = pageGuide && pageGuide.checked ? GUIDE : "content";
    pageList.replaceChildren();
    pageHints.replaceChildren();
    moreButton.hidden = true;
    if (!text) {
      pageStatus.textContent = "キーワードを入力してください";
      return;
    }
    pageStatus.textContent = "検索しています…";
    const found = await search(text, shown, { section });
    const scope = section === GUIDE ? "（サイトの使い方）" : "";
    pageStatus.textContent = summary(found.total, found.results.length).replace(/^(\d+) 件/, `「${text}」${scope}: $1 件`);
    pageList.replaceChildren(...found.results.map((r) => item(r, "jirei-search-page__item")));
    hints(pageHints, text, found, section);
    moreButton.hidden = found.results.length >= found.total;
  }

  function submit() {
    shown = PAGE_SIZE;
    const url = new URL(location.href);
    url.searchParams.set("q", pageInput.value.trim());
    if (pageGuide && pageGuide.checked) url.searchParams.set("section", GUIDE);
    else url.searchParams.delete("section");
    history.replaceState(null, "", url);
    runPage();
  }

  page.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    submit();
  });
  if (pageGuide) pageGuide.addEventListener("change", submit);
  moreButton.addEventListener("click", () => {
    shown += PAGE_SIZE;
    runPage();
  });
  const params = new URLSearchParams(location.search);
  pageInput.value = params.get("q") || "";
  if (pageGuide) pageGuide.checked = params.get("section") === GUIDE;
  runPage();
})();
