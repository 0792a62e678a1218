// Candidate figures (admin changelist of observations), reviewed with the keyboard: j/k move
// between rows, x selects, a accepts, r rejects, f fixes region and period in bulk, o opens.
// The keys run the changelist's own actions, so the server checks every one as for a click.
"use strict";
(function () {
  const form = document.getElementById("changelist-form");
  if (!form) return;
  const rows = Array.from(form.querySelectorAll("#result_list tbody tr"));
  if (!rows.length) return;
  let current = -1;

  function focusRow(index) {
    current = Math.max(0, Math.min(rows.length - 1, index));
    rows.forEach(function (row, n) { row.classList.toggle("review-current", n === current); });
    const box = rows[current].querySelector("input.action-select");
    if (box) box.focus();
    rows[current].scrollIntoView({ block: "nearest" });
  }

  function run(action) {
    const select = form.querySelector("select[name=action]");
    if (!select || !select.querySelector(`option[value="${action}"]`)) return;
    const chosen = form.querySelectorAll("input.action-select:checked");
    if (!chosen.length && current >= 0) rows[current].querySelector("input.action-select").click();
    if (!form.querySelectorAll("input.action-select:checked").length) return;
    select.value = action;
    form.requestSubmit(form.querySelector("button[name=index]"));
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    if (target.matches("input:not([type=checkbox]), textarea, select, [contenteditable]")) return;
    const keys = {
      j: function () { focusRow(current + 1); },
      k: function () { focusRow(current - 1); },
      x: function () { if (current < 0) focusRow(0); rows[current].querySelector("input.action-select").click(); },
      a: function () { run("accept_candidates"); },
      r: function () { run("reject_candidates"); },
      f: function () { run("fix_region_and_period"); },
      o: function () { if (current >= 0) { const link = rows[current].querySelector("th a, td a"); if (link) link.click(); } },
    };
    const act = keys[event.key];
    if (act) { event.preventDefault(); act(); }
  });
})();
