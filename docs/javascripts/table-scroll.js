// Wide tables and charts on small screens: the theme puts each table in a horizontally scrolling box
// (.md-typeset__scrollwrap). Here every such box can be scrolled with the keyboard
// (tabindex, a label), and one that is narrower than its table gets a shadow on the side
// with more to see (wayfinding.css) and a 「横にスクロールできます」 hint above it. Checked
// again when the window changes size.
(() => {
  "use strict";

  const HINT = "横にスクロールできます";
  // Tables in the theme's scrolling box, and charts (wide on a phone so their text stays readable).
  const SCROLLERS = ".md-typeset .md-typeset__scrollwrap, .md-typeset figure.jirei-chart";

  function prepare(box) {
    if (box.dataset.jireiScroll) return;
    box.dataset.jireiScroll = "1";
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    const caption = box.querySelector("caption, figcaption");
    const label = caption ? caption.textContent.trim().slice(0, 60) : box.matches("figure") ? "グラフ" : "表";
    box.setAttribute("aria-label", `${label}（${HINT}）`);
    const hint = document.createElement("p");
    hint.className = "jirei-scroll-hint";
    hint.setAttribute("aria-hidden", "true");
    hint.textContent = HINT;
    box.before(hint);
  }

  function check(box) {
    const hint = box.previousElementSibling;
    const overflows = box.scrollWidth > box.clientWidth + 1;
    box.toggleAttribute("data-jirei-overflow", overflows);
    if (hint && hint.classList.contains("jirei-scroll-hint")) hint.toggleAttribute("data-jirei-overflow", overflows);
  }

  function update() {
    const boxes = document.querySelectorAll(SCROLLERS);
    boxes.forEach(prepare);
    boxes.forEach(check);
  }

  // Material wraps the tables when it mounts the page; its document$ says when.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(() => setTimeout(update, 0));
  } else {
    window.addEventListener("load", update);
  }
  let pending = 0;
  window.addEventListener("resize", () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(update);
  });
  // Closed <details> open later: their tables get measured when they are opened.
  document.addEventListener("toggle", update, true);
})();
