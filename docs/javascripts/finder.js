// jirei case finder (cases/finder/): native selects filter the server-rendered list; the
// choice lives in the URL's query string (?pref=17&theme=…) so a filtered view can be shared.
(() => {
  "use strict";
  const form = document.querySelector("[data-jirei-finder]");
  if (!form) return;
  const items = [...document.querySelectorAll("#jirei-finder-list > li")];
  const count = document.getElementById("jirei-finder-count");
  const selects = [...form.querySelectorAll("select")];

  // Facets whose data-* attribute lists several values joined with "|": themes, and the
  // prefectures, categories and population bands of every member of a joint case.
  const LISTS = new Set(["theme", "pref", "category", "band"]);

  function matches(item, name, value) {
    const data = item.dataset;
    if (LISTS.has(name)) return data[name].split("|").includes(value);
    switch (name) {
      case "from":
        return data.year >= value;
      case "to":
        return data.year <= value;
      default:
        return data[name] === value;
    }
  }

  function countMatching(chosen) {
    return items.filter((item) => chosen.every(([name, value]) => matches(item, name, value))).length;
  }

  // No case matches: each chosen condition, how many cases there would be without it, and
  // a button that takes it off.
  const loosen = document.createElement("div");
  loosen.className = "jirei-finder-loosen";
  loosen.hidden = true;
  count.after(loosen);

  function label(select) {
    const caption = form.querySelector(`label[for="${select.id}"]`);
    const name = caption ? caption.textContent.trim() : select.name;
    return `${name}: ${select.options[select.selectedIndex].textContent.trim()}`;
  }

  function showLoosen(chosen, shown) {
    loosen.replaceChildren();
    loosen.hidden = !(chosen.length && shown === 0);
    if (loosen.hidden) return;
    const intro = document.createElement("p");
    intro.textContent = "条件に合う事例はありません。条件を一つ外すと、次の件数になります。";
    const list = document.createElement("ul");
    for (const select of selects.filter((s) => s.value)) {
      const without = countMatching(chosen.filter(([name]) => name !== select.name));
      const li = document.createElement("li");
      li.append(`「${label(select)}」を外すと ${without} 件 `);
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button jirei-finder-loosen__button";
      button.textContent = "この条件を外す";
      button.setAttribute("aria-label", `条件「${label(select)}」を外す（${without} 件）`);
      button.addEventListener("click", () => {
        select.value = "";
        apply();
        select.focus();
      });
      li.append(button);
      list.append(li);
    }
    loosen.append(intro, list);
  }

  function apply() {
    const chosen = selects.filter((s) => s.value).map((s) => [s.name, s.value]);
    let shown = 0;
    for (const item of items) {
      const visible = chosen.every(([name, value]) => matches(item, name, value));
      item.hidden = !visible;
      if (visible) shown++;
    }
    count.textContent = chosen.length
      ? `${items.length} 件中 ${shown} 件の事例が条件に合います`
      : `全 ${items.length} 件の事例`;
    showLoosen(chosen, shown);
    const url = new URL(location.href);
    url.search = new URLSearchParams(chosen).toString();
    history.replaceState(null, "", url);
  }

  // Restore from the URL; values that are not among a select's options are ignored.
  const params = new URLSearchParams(location.search);
  for (const select of selects) {
    const value = params.get(select.name);
    if (value && [...select.options].some((o) => o.value === value)) select.value = value;
  }
  form.addEventListener("change", apply);
  form.addEventListener("reset", () => setTimeout(apply));
  form.addEventListener("submit", (event) => event.preventDefault());
  apply();
})();
