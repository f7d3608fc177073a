// Autosave for the article form: a working copy on the server every few seconds, a copy in
// this browser on every keystroke, and an offer to restore either when the page opens again.
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("autosave-config").textContent);
  const form = document.getElementById("article_form");
  if (!form) return;
  const status = document.getElementById("autosave-status");
  const INTERVAL = 5000;
  let dirty = false;
  let lastSent = null;

  function fields() {
    const data = new FormData(form);
    for (const [name, value] of Array.from(data.entries())) {
      if (value instanceof File) data.delete(name);
    }
    return data;
  }

  function asObject(data) {
    const result = {};
    for (const [name, value] of data.entries()) {
      (result[name] = result[name] || []).push(value);
    }
    return result;
  }

  function say(text) { if (status) status.textContent = text; }

  function keepLocally() {
    try {
      localStorage.setItem(config.key, JSON.stringify({ savedAt: new Date().toISOString(), data: asObject(fields()) }));
    } catch (error) { /* storage full or disabled: the server copy still works */ }
  }

  async function send() {
    if (!dirty) return;
    const data = fields();
    const body = new URLSearchParams();
    for (const [name, value] of data.entries()) body.append(name, value);
    const serialised = body.toString();
    if (serialised === lastSent) { dirty = false; return; }
    try {
      const response = await fetch(config.url, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": data.get("csrfmiddlewaretoken") || "" },
        redirect: "error",
      });
      const answer = await response.json();
      if (!response.ok || !answer.saved) throw new Error(answer.error || response.statusText);
      lastSent = serialised;
      dirty = false;
      const time = new Date(answer.saved_at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
      say(answer.stale
        ? "Unsaved copy kept at " + time + ". Someone else has saved this article since you opened it."
        : "Unsaved copy kept at " + time + ".");
    } catch (error) {
      say("Could not reach the server (connection lost or session expired); your changes are kept in this browser.");
    }
  }

  function restore(data, baseRevision) {
    // The copy is saved as based on the revision it was typed over: if the article has been
    // saved since, the server merges the two instead of letting the copy overwrite it.
    const base = form.querySelector('[name="base_revision"]');
    if (base && baseRevision !== undefined && baseRevision !== null && baseRevision !== "") {
      base.value = baseRevision;
    }
    // Inline rows added before the copy was kept (a byline, an event): add as many rows as
    // the copy had, through the admin's own "Add another" button, before filling them.
    for (const [name, values] of Object.entries(data)) {
      const prefix = name.endsWith("-TOTAL_FORMS") ? name.slice(0, -"-TOTAL_FORMS".length) : null;
      const total = prefix && form.querySelector('[name="' + CSS.escape(name) + '"]');
      if (!total) continue;
      const add = document.querySelector("#" + CSS.escape(prefix) + "-group .add-row a");
      for (let have = Number(total.value); add && have < Number(values[0]); have++) add.click();
    }
    for (const [name, values] of Object.entries(data)) {
      if (name === "csrfmiddlewaretoken" || name === "base_revision") continue;
      const elements = form.querySelectorAll('[name="' + CSS.escape(name) + '"]');
      elements.forEach(function (element, index) {
        if (element.type === "checkbox" || element.type === "radio") {
          element.checked = values.includes(element.value);
        } else if (element.tagName === "SELECT" && element.multiple) {
          Array.from(element.options).forEach(function (option) { option.selected = values.includes(option.value); });
        } else if (values[index] !== undefined && element.type !== "file" && element.type !== "hidden") {
          element.value = values[index];
        }
      });
    }
    dirty = true;
    say("Restored your unsaved changes; save the article to keep them.");
  }

  function offer() {
    if (document.querySelector(".errornote")) return;  // the form already holds what was typed
    const serverData = JSON.parse(document.getElementById("working-copy-data").textContent || "null");
    let chosen = serverData && config.savedAt
      ? { savedAt: config.savedAt, data: serverData, baseRevision: config.baseRevision }
      : null;
    try {
      const local = JSON.parse(localStorage.getItem(config.key) || "null");
      if (local && (!chosen || local.savedAt > chosen.savedAt)) {
        chosen = { savedAt: local.savedAt, data: local.data, baseRevision: (local.data.base_revision || [])[0] };
      }
    } catch (error) { /* ignore unreadable local copies */ }
    if (!chosen) return;
    const box = document.getElementById("autosave-offer");
    document.getElementById("autosave-when").textContent = new Date(chosen.savedAt).toLocaleString();
    box.hidden = false;
    document.getElementById("autosave-restore").addEventListener("click", function () {
      restore(chosen.data, chosen.baseRevision); box.hidden = true;
    });
    document.getElementById("autosave-dismiss").addEventListener("click", function () {
      localStorage.removeItem(config.key); box.hidden = true;
    });
  }

  form.addEventListener("input", function () { dirty = true; keepLocally(); });
  form.addEventListener("change", function () { dirty = true; keepLocally(); });
  form.addEventListener("submit", function () { localStorage.removeItem(config.key); });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && dirty && navigator.sendBeacon) {
      navigator.sendBeacon(config.url, fields());
    }
  });
  setInterval(send, INTERVAL);
  offer();
})();
