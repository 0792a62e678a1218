// The bulletin form (admin): the slug filled from the title while the editor has not written
// one, and the live preview, which posts the form to the preview view in the frame beside it
// (the readers' template and sanitiser render it; nothing is saved). A file, not inline code,
// so that the Content-Security-Policy needs no exception.
"use strict";
(function () {
  const section = document.getElementById("live-preview");
  const form = section && section.closest("form");
  if (!form) return;
  const title = form.querySelector("[name=title]");
  const slug = form.querySelector("[name=slug]");
  const button = document.getElementById("live-preview-button");

  // Slug: follows the title until the editor types one (or the bulletin already had one).
  let lastAuto = "";
  let manual = Boolean(slug && slug.value);
  if (slug) slug.addEventListener("input", function () { manual = slug.value !== "" && slug.value !== lastAuto; });
  let slugTimer = null;
  function fillSlug() {
    if (!title || !slug || manual) return;
    const params = new URLSearchParams({ title: title.value });
    if (section.dataset.id) params.set("id", section.dataset.id);
    fetch(section.dataset.slugUrl + "?" + params, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data && !manual) { slug.value = data.slug; lastAuto = data.slug; }
      });
  }
  if (title) title.addEventListener("input", function () { clearTimeout(slugTimer); slugTimer = setTimeout(fillSlug, 300); });

  // Live preview: the form, without its files, posted into the frame a moment after typing stops.
  let previewTimer = null;
  function refresh() {
    if (!button) return;
    const files = Array.from(form.querySelectorAll("input[type=file]")).filter(function (input) { return !input.disabled; });
    files.forEach(function (input) { input.disabled = true; });
    try { form.requestSubmit(button); } finally { files.forEach(function (input) { input.disabled = false; }); }
  }
  function later() { clearTimeout(previewTimer); previewTimer = setTimeout(refresh, 700); }
  form.addEventListener("input", function (event) {
    if (event.target.type !== "file") later();
  });
  form.addEventListener("change", function (event) {
    if (event.target.tagName === "SELECT" || event.target.type === "checkbox") later();
  });
  refresh();
})();
