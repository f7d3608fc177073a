// The article form as a place to write: the body beside its rendered preview (the public
// page's renderer, citations linked, through the server), Ctrl/Cmd+S to save and go on
// editing, and a prompt before leaving with unsaved changes.
(function () {
  "use strict";
  const form = document.getElementById("article_form");
  const body = document.getElementById("id_body");
  if (!form || !body) return;
  const config = JSON.parse(document.getElementById("editor-config").textContent);
  let dirty = false;
  let submitting = false;

  // The body and its preview side by side.
  const split = document.createElement("div");
  split.className = "editor-split";
  body.insertAdjacentElement("beforebegin", split);
  split.appendChild(body);
  const pane = document.createElement("section");
  pane.className = "live-preview";
  pane.setAttribute("aria-label", "Preview");
  pane.innerHTML = '<h2 class="live-preview-heading">Preview <span class="live-preview-status" role="status"></span></h2><div class="live-preview-body"></div>';
  split.appendChild(pane);
  const shown = pane.querySelector(".live-preview-body");
  const status = pane.querySelector(".live-preview-status");
  let timer = null;
  let asked = 0;

  function fields() {
    const data = new FormData(form);
    for (const [name, value] of Array.from(data.entries())) {
      if (value instanceof File) data.delete(name);
    }
    return data;
  }

  async function preview() {
    const ask = ++asked;
    const data = fields();
    status.textContent = "updating…";
    try {
      const response = await fetch(config.previewUrl, {
        method: "POST", body: data, credentials: "same-origin",
        headers: { "X-CSRFToken": data.get("csrfmiddlewaretoken") || "", Accept: "application/json" },
        redirect: "error",
      });
      const answer = await response.json();
      if (ask !== asked) return;  // a later change asked again
      if (response.ok) {
        shown.innerHTML = answer.html;  // rendered and sanitized by the server
        status.textContent = "";
      } else {
        const messages = Object.entries(answer.errors || {}).map(function ([name, errors]) {
          return (name === "__all__" ? "" : name + ": ") + errors.join(" ");
        });
        status.textContent = "not updated: " + messages.join("; ");
      }
    } catch (error) {
      if (ask === asked) status.textContent = "not updated (connection lost)";
    }
  }

  function changed() {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(preview, 800);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () { submitting = true; });
  window.addEventListener("beforeunload", function (event) {
    if (dirty && !submitting) { event.preventDefault(); event.returnValue = ""; }
  });
  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
      event.preventDefault();
      const save = form.querySelector('input[name="_continue"]');
      submitting = true;
      if (save) { save.click(); } else { form.requestSubmit(); }
    }
  });
  preview();
})();
