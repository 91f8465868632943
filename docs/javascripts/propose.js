// jirei 「事例を提案する」 (contributing/propose/): turns what a member of staff typed into the
// GitHub issue form's fields (query parameters named by the form's field ids) and a plain text
// copy of the proposal. Nothing is sent by the site; the text is only ever set as textContent.
(() => {
  "use strict";
  const form = document.querySelector("[data-jirei-propose]");
  if (!form) return;
  const result = document.getElementById("jirei-propose-result");
  const status = document.getElementById("jirei-propose-status");
  const link = document.getElementById("jirei-propose-open");
  const preview = document.getElementById("jirei-propose-body");
  const MAX_URL = 8000; // GitHub refuses longer addresses: then the text is to be pasted instead
  const TITLE_PREFIX = "[事例の提案] ";

  function fields() {
    return [...form.querySelectorAll("input, textarea")].map((field) => ({
      name: field.name,
      label: form.querySelector(`label[for="${field.id}"]`).textContent.replace(/（(必須|任意)）$/, ""),
      value: field.value.trim(),
    }));
  }

  function body(filled) {
    return filled
      .filter((field) => field.value)
      .map((field) => `### ${field.label}\n\n${field.value}`)
      .join("\n\n");
  }

  function issueUrl(filled) {
    const params = new URLSearchParams({ template: form.dataset.issueTemplate });
    const initiative = filled.find((field) => field.name === "initiative");
    params.set("title", TITLE_PREFIX + (initiative ? initiative.value : "")); // the issue's own title
    filled.filter((field) => field.value).forEach((field) => params.set(field.name, field.value));
    return `${form.dataset.issueUrl}?${params}`;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const filled = fields();
    const url = issueUrl(filled);
    preview.textContent = body(filled);
    result.hidden = false;
    if (url.length <= MAX_URL) {
      link.href = url;
      status.textContent = "提案の文ができました。下のボタンで GitHub の提案フォームを開き、内容を確かめて送信してください。";
    } else {
      link.href = `${form.dataset.issueUrl}?${new URLSearchParams({ template: form.dataset.issueTemplate })}`;
      status.textContent = "文が長いため、フォームに自動では入りません。下の文をコピーして、開いたフォームに貼り付けてください。";
    }
    link.focus();
  });
})();
