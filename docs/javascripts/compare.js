// jirei comparison page (compare/): up to 4 municipalities, found by name, reading or code in
// data/places.json; each one's prefecture file compare/data/<pref>.json gives its rates, latest
// figures, ranks and cases. The choice lives in the URL (?codes=172065,452025). The chart is SVG
// built with DOM calls and styled by CSS classes only (no inline styles or handlers: CSP).
(() => {
  "use strict";
  const root = document.querySelector("[data-jirei-compare]");
  if (!root) return;
  const SVG = "http://www.w3.org/2000/svg";
  const MAX = Number(root.dataset.jireiMax) || 4;
  const base = new URL(root.dataset.jireiData, document.baseURI);
  const input = document.getElementById("jirei-compare-input");
  const form = document.getElementById("jirei-compare-form");
  const suggestions = document.getElementById("jirei-compare-suggestions");
  const status = document.getElementById("jirei-compare-status");
  const chosenList = document.getElementById("jirei-compare-chosen");
  const chart = document.getElementById("jirei-compare-chart");
  const table = document.getElementById("jirei-compare-table");
  for (const node of document.querySelectorAll("[data-jirei-compare-fallback]")) node.hidden = true;
  root.hidden = false;

  const files = new Map(); // pref code → Promise of the prefecture file
  let places = [];
  let chosen = [];

  const normalize = (text) =>
    text
      .normalize("NFKC")
      .replace(/\s+/g, "")
      .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

  function el(name, attributes = {}, text = "") {
    const node = document.createElement(name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    if (text) node.textContent = text;
    return node;
  }

  function svg(name, attributes = {}, text = "") {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    if (text) node.textContent = text;
    return node;
  }

  function prefectureFile(code) {
    const pref = code.slice(0, 2);
    if (!files.has(pref)) {
      files.set(
        pref,
        fetch(new URL(`${pref}.json`, base)).then((r) => {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        }),
      );
    }
    return files.get(pref);
  }

  async function loadPlaces() {
    const response = await fetch(new URL(root.dataset.jireiPlaces, document.baseURI));
    const data = await response.json();
    const prefs = new Map(data.prefectures.map(([code, name]) => [code, name]));
    places = data.municipalities.map(([code, name, reading, others]) => ({
      code,
      full: `${prefs.get(code.slice(0, 2)) || ""}${name}`,
      reading,
      keys: [name, reading, code, ...others].map(normalize),
    }));
  }

  function find(query) {
    const q = normalize(query);
    if (!q) return [];
    const exact = places.filter((p) => p.keys.includes(q) || normalize(p.full) === q);
    // Shorter names first among those that start with the query: かが → 加賀市 before 鏡石町.
    const shortest = (p) => Math.min(...p.keys.filter((k) => k.startsWith(q)).map((k) => k.length));
    const starts = places
      .filter((p) => !exact.includes(p) && p.keys.some((k) => k.startsWith(q)))
      .sort((a, b) => shortest(a) - shortest(b) || a.code.localeCompare(b.code));
    const inside = places.filter(
      (p) => !exact.includes(p) && !starts.includes(p) && normalize(p.full).includes(q),
    );
    return [...exact, ...starts, ...inside].slice(0, 8);
  }

  function showSuggestions() {
    suggestions.replaceChildren();
    for (const place of find(input.value)) {
      const button = el("button", { type: "button", "data-code": place.code }, `${place.full}（${place.reading}・${place.code}）`);
      button.disabled = chosen.includes(place.code);
      const item = el("li");
      item.append(button);
      suggestions.append(item);
    }
  }

  function add(code) {
    if (chosen.includes(code)) return;
    if (chosen.length >= MAX) {
      status.textContent = `比べられるのは ${MAX} 団体までです。どれかを外してから追加してください。`;
      return;
    }
    chosen.push(code);
    input.value = "";
    suggestions.replaceChildren();
    update();
  }

  function remove(code) {
    chosen = chosen.filter((c) => c !== code);
    update();
    input.focus();
  }

  function saveUrl() {
    const url = new URL(location.href);
    if (chosen.length) url.searchParams.set("codes", chosen.join(","));
    else url.searchParams.delete("codes");
    history.replaceState(null, "", url.toString().replace(/%2C/g, ","));
  }

  async function update() {
    saveUrl();
    const records = [];
    for (const code of chosen) {
      try {
        const file = await prefectureFile(code);
        const record = file.municipalities[code];
        if (record) records.push({ code, dates: file.dates, ...record });
      } catch {
        /* reported below as not found */
      }
    }
    const missing = chosen.filter((code) => !records.some((r) => r.code === code));
    chosen = chosen.filter((code) => !missing.includes(code));
    if (missing.length) saveUrl();
    renderChosen(records);
    renderChart(records);
    renderTable(records);
    status.textContent =
      (records.length ? `${records.length} 団体を比べています（${records.map((r) => r.name).join("、")}）。` : "団体を選んでください。") +
      (missing.length ? `団体コード ${missing.join("、")} は見つかりませんでした。` : "");
  }

  function renderChosen(records) {
    chosenList.replaceChildren();
    records.forEach((record, index) => {
      const item = el("li", { class: `jirei-compare__chosen-item jirei-compare__key--${index}` });
      item.append(el("span", { class: "jirei-compare__swatch", "aria-hidden": "true" }));
      item.append(el("a", { href: record.page }, record.name));
      const button = el("button", { type: "button", class: "jirei-compare__remove", "data-remove": record.code }, "外す");
      button.setAttribute("aria-label", `${record.name}を外す`);
      item.append(button);
      chosenList.append(item);
    });
  }

  function renderChart(records) {
    chart.replaceChildren();
    chart.hidden = !records.length;
    if (!records.length) return;
    // The viewBox follows the shown width, so the labels keep their size on a phone.
    const W = Math.round(Math.max(320, Math.min(640, chart.clientWidth || 640)));
    const H = Math.round(W * 0.5), L = 44, R = 12, T = 12, B = 28;
    const times = records[0].dates.map((d) => Date.parse(d));
    const values = records.flatMap((r) => r.rates.filter((v) => v !== null));
    const top = Math.max(10, Math.ceil(Math.max(...values) / 10) * 10);
    const t0 = Math.min(...times), t1 = Math.max(...times);
    const x = (t) => L + ((t - t0) / Math.max(1, t1 - t0)) * (W - L - R);
    const y = (v) => T + (1 - v / top) * (H - T - B);
    const latest = records.map((r) => `${r.name} ${r.latest ? r.latest.rate + "%" : "データなし"}`).join("、");
    const title = "人口に対する枚数の率の推移";
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": "jirei-compare-chart-title jirei-compare-chart-desc" });
    root.append(svg("title", { id: "jirei-compare-chart-title" }, title));
    root.append(svg("desc", { id: "jirei-compare-chart-desc" }, `最新の公表値：${latest}。`));
    for (let v = 0; v <= top; v += W < 480 ? 20 : 10) {
      root.append(svg("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), class: "jirei-compare__grid" }));
      root.append(svg("text", { x: L - 6, y: y(v) + 4, class: "jirei-compare__axis jirei-compare__axis--y" }, `${v}%`));
    }
    const first = new Date(t0).getUTCFullYear(), last = new Date(t1).getUTCFullYear();
    const step = W < 480 ? 2 : 1;
    for (let year = first + 1; year <= last; year += step) {
      const t = Date.UTC(year, 0, 1);
      root.append(svg("line", { x1: x(t), x2: x(t), y1: T, y2: H - B, class: "jirei-compare__grid" }));
      root.append(svg("text", { x: x(t), y: H - 8, class: "jirei-compare__axis" }, `${year}年`));
    }
    records.forEach((record, index) => {
      let d = "";
      let pen = false;
      record.rates.forEach((v, i) => {
        if (v === null) { pen = false; return; }
        d += `${pen ? "L" : "M"}${x(times[i]).toFixed(1)} ${y(v).toFixed(1)}`;
        pen = true;
      });
      root.append(svg("path", { d, class: `jirei-compare__line jirei-compare__line--${index}` }));
    });
    chart.append(root);
    chart.append(el("figcaption", {}, `${title}（線の色と形は上の「選んだ団体」の印と同じ）。出典：総務省『マイナンバーカード交付状況』。`));
  }

  // One column per municipality and one row per figure, so four municipalities fit a phone.
  function renderTable(records) {
    table.replaceChildren();
    if (!records.length) return;
    const date = (iso) => iso.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, "$1年$2月$3日");
    const number = (n) => n.toLocaleString("ja-JP");
    const rows = [
      ["基準日", (r) => (r.latest ? date(r.latest.date) : "—")],
      ["人口", (r) => (r.latest ? `${number(r.latest.population)}人` : "—")],
      ["枚数", (r) => (r.latest ? `${number(r.latest.cards)}枚（${r.latest.kind}）` : "—")],
      ["人口に対する枚数の率", (r) => (r.latest ? `${r.latest.rate}%` : "—")],
      ["全国順位", (r) => (r.ranks ? r.ranks.national : "—")],
      ["都道府県内順位", (r) => (r.ranks ? r.ranks.prefecture : "—")],
      ["区分内順位", (r) => (r.ranks ? `${r.ranks.group}（${r.ranks.group_name}）` : "—")],
      ["区分", (r) => r.category],
      ["事例", (r) => r.cases],
    ];
    const t = el("table");
    t.append(el("caption", {}, "最新の公表の数値・順位・事例"));
    const head = el("tr");
    head.append(el("th", { scope: "col" }, "項目"));
    for (const r of records) {
      const th = el("th", { scope: "col" });
      th.append(el("a", { href: r.page }, r.name));
      head.append(th);
    }
    const thead = el("thead");
    thead.append(head);
    t.append(thead);
    const body = el("tbody");
    for (const [label, value] of rows) {
      const row = el("tr");
      row.append(el("th", { scope: "row" }, label));
      for (const r of records) {
        const cell = el("td");
        const shown = value(r);
        if (Array.isArray(shown)) {
          if (!shown.length) cell.textContent = "—";
          shown.forEach(([title, href], i) => {
            if (i) cell.append(el("br"));
            cell.append(el("a", { href }, title));
          });
        } else cell.textContent = shown;
        row.append(cell);
      }
      body.append(row);
    }
    t.append(body);
    table.append(t);
  }

  suggestions.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-code]");
    if (button) add(button.dataset.code);
  });
  chosenList.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-remove]");
    if (button) remove(button.dataset.remove);
  });
  input.addEventListener("input", showSuggestions);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = find(input.value).find((p) => !chosen.includes(p.code));
    if (first) add(first.code);
    else status.textContent = `「${input.value}」に当たる団体が見つかりません。`;
  });

  const fromUrl = (new URLSearchParams(location.search).get("codes") || "")
    .split(",")
    .map((c) => c.trim())
    .filter((c) => /^\d{6}$/.test(c));
  chosen = [...new Set(fromUrl)].slice(0, MAX);
  loadPlaces().catch(() => {
    status.textContent = "団体の一覧を読み込めませんでした。";
  });
  update();
})();
