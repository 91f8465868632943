// Old links to a heading keep working. Heading ids used to be the heading's own text
// (「#成果」, shared as「#%E6%88%90%E6%9E%9C」); they are short ASCII ids now
// (jirei.site.rendering.slugs). When the address names an id that is not on the page, the old id of
// every heading is worked out as before (pymdownx slugify, lower case) and the page moves
// to the heading it matches, with the new id in the address.
(() => {
  "use strict";

  function oldId(heading) {
    const copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach((link) => link.remove());
    return copy.textContent
      .normalize("NFC")
      .trim()
      .replace(/[^\p{L}\p{N}_\- ]/gu, "")
      .replace(/ /g, "-")
      .toLowerCase();
  }

  function follow() {
    let wanted;
    try {
      wanted = decodeURIComponent(location.hash.slice(1));
    } catch {
      return;
    }
    if (!wanted || document.getElementById(wanted)) return;
    const headings = document.querySelectorAll(".md-typeset h1[id], .md-typeset h2[id], .md-typeset h3[id], .md-typeset h4[id]");
    const found = [...headings].find((heading) => oldId(heading) === wanted.toLowerCase());
    if (!found) return;
    history.replaceState(null, "", `#${found.id}`);
    found.scrollIntoView();
  }

  follow();
  window.addEventListener("hashchange", follow);
})();
