// Progressive enhancement only: every page works without this file.
import { initAll } from "/lib/govuk/govuk-frontend.min.js";
import { FilterToggleButton } from "/lib/moj/moj-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// On small screens the filter panel folds away behind a "Show filter" button.
const filter = document.querySelector("[data-t3-filter]");
const toggle = document.querySelector("[data-t3-filter-toggle]");
if (filter && toggle) {
  new FilterToggleButton(filter, {
    startHidden: false,
    toggleButtonContainer: { element: toggle },
  });
}
