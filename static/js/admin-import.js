// The admin import page, file by file: each chosen file is sent in a request of its own, so the
// <progress> bar and the summary move as each one answers. Without this script the form posts
// everything at once and the page shows the summary afterwards; the server side is the same.
(function () {
  "use strict";
  var form = document.querySelector("form.import-form");
  var live = document.getElementById("import-live");
  if (!form || !live || !window.fetch || !window.FormData) {
    return;
  }
  var fileInput = form.querySelector("input[type=file][name=files]");
  var textInput = form.querySelector("textarea[name=text]");
  var progress = live.querySelector("progress");
  var summary = live.querySelector(".import-live-summary");
  var rows = live.querySelector("tbody");
  var button = form.querySelector("input[type=submit]");

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_match, name) {
      return String(values[name]);
    });
  }

  function addRow(result) {
    var row = document.createElement("tr");
    var name = document.createElement("td");
    name.textContent = result.filename;
    var outcome = document.createElement("td");
    outcome.className = "outcome-" + result.outcome;
    outcome.textContent = result.label;
    var message = document.createElement("td");
    var text = message;
    if (result.link) {
      text = document.createElement("a");
      text.href = result.link;
      message.appendChild(text);
    }
    text.textContent = result.message;
    if (result.warnings.length) {
      var list = document.createElement("ul");
      result.warnings.forEach(function (warning) {
        var item = document.createElement("li");
        item.textContent = warning;
        list.appendChild(item);
      });
      message.appendChild(list);
    }
    if (result.reading) {
      var reading = document.createElement("a");
      reading.href = result.reading;
      reading.textContent = result.reading_label;
      var paragraph = document.createElement("p");
      paragraph.appendChild(reading);
      message.appendChild(paragraph);
    }
    row.append(name, outcome, message);
    rows.appendChild(row);
  }

  function failure(filename, why) {
    return { filename: filename, outcome: "failed", label: live.dataset.failed, message: why, warnings: [], link: "" };
  }

  function send(data, filename) {
    return fetch(form.action || window.location.href, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.json().then(function (body) {
          if (response.ok) {
            return body.results;
          }
          var errors = body.errors ? Object.values(body.errors).flat().map(function (e) { return e.message; }) : [];
          return [failure(filename, errors.join(" ") || response.status + " " + response.statusText)];
        });
      })
      .catch(function (error) {
        return [failure(filename, String(error))];
      });
  }

  form.addEventListener("submit", function (event) {
    var files = Array.prototype.slice.call(fileInput ? fileInput.files : []);
    var hasText = textInput && textInput.value.trim() !== "";
    if (!files.length && !hasText) {
      return; // the server's form error says what is missing
    }
    event.preventDefault();
    var base = new FormData(form);
    base.delete("files");
    base.delete("text");
    function request(name, value, filename) {
      var data = new FormData();
      base.forEach(function (v, k) { data.append(k, v); });
      if (filename) {
        data.append(name, value, filename);
      } else {
        data.append(name, value);
      }
      return data;
    }
    var jobs = [];
    if (hasText) {
      jobs.push({ name: live.dataset.pasted, data: request("text", textInput.value) });
    }
    files.forEach(function (file) {
      jobs.push({ name: file.name, data: request("files", file, file.name) });
    });
    var counts = { total: jobs.length, done: 0, created: 0, skipped: 0, failed: 0 };
    rows.textContent = "";
    progress.max = jobs.length;
    progress.value = 0;
    progress.textContent = "0/" + jobs.length;
    live.hidden = false;
    button.disabled = true;
    summary.textContent = format(live.dataset.running, counts);
    jobs
      .reduce(function (previous, job) {
        return previous.then(function () {
          return send(job.data, job.name).then(function (results) {
            results.forEach(function (result) {
              counts[result.outcome] += 1;
              addRow(result);
            });
            counts.done += 1;
            progress.value = counts.done;
            progress.textContent = counts.done + "/" + counts.total;
            summary.textContent = format(counts.done < counts.total ? live.dataset.running : live.dataset.summary, counts);
          });
        });
      }, Promise.resolve())
      .then(function () {
        button.disabled = false;
        if (fileInput) {
          fileInput.value = "";
        }
      });
  });
})();
