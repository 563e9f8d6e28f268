// Reader conveniences that degrade to plain HTML without JavaScript:
// the citation's copy button, and the calendar page's entry filter.
// An ES module like search.js and validity.js (mkdocs.yml loads it with type: module).

export function setUpCopyButtons() {
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll("button[data-copy]")) {
    const source = document.getElementById(button.dataset.copy);
    if (!source) continue;
    const label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", async () => {
      await navigator.clipboard.writeText(source.textContent.trim());
      button.textContent = button.dataset.copied;
      setTimeout(() => { button.textContent = label; }, 2000);
    });
  }
}

// Hides calendar entries that do not contain the typed text, and days left empty.
export function setUpCalendarFilter() {
  const form = document.querySelector(".gz-calendar-filter");
  if (!form) return;
  const input = form.querySelector("input");
  const status = form.querySelector("output");
  form.hidden = false;
  form.addEventListener("submit", (event) => event.preventDefault());
  input.addEventListener("input", () => {
    const query = input.value.trim();
    let shown = 0;
    for (const day of document.querySelectorAll(".gz-day")) {
      let dayShown = 0;
      for (const entry of day.querySelectorAll("li")) {
        const match = !query || entry.textContent.includes(query);
        entry.hidden = !match;
        if (match) dayShown += 1;
      }
      day.hidden = dayShown === 0;
      shown += dayShown;
    }
    status.textContent = status.dataset.template.replace("{count}", shown);
  });
}

// The theme's search dialog has no accessible name: give it the search field's own
// (already translated) label.
export function nameSearchDialog() {
  const dialog = document.querySelector(".md-search[role=dialog]:not([aria-label])");
  const input = dialog && dialog.querySelector("input[aria-label]");
  if (input) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
}

if (typeof document !== "undefined") {
  document.addEventListener("DOMContentLoaded", () => {
    nameSearchDialog();
    setUpCopyButtons();
    setUpCalendarFilter();
  });
}
