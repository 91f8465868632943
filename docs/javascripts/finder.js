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
