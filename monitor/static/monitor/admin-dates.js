// The event form's date as written: what Monitor understood, shown beside it as it is typed.
(function () {
  "use strict";
  function attach(input) {
    const output = document.createElement("output");
    output.className = "date-reading";
    output.setAttribute("for", input.id);
    output.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", output);
    let timer = null;
    let asked = 0;
    async function read() {
      const text = input.value.trim();
      if (!text) { output.textContent = ""; return; }
      const ask = ++asked;
      try {
        const response = await fetch(input.dataset.readUrl + "?text=" + encodeURIComponent(text), {
          headers: { Accept: "application/json" }, credentials: "same-origin",
        });
        const reading = await response.json();
        if (ask !== asked) return;  // a later keystroke asked again
        output.classList.toggle("errornote", Boolean(reading.error));
        output.textContent = reading.error ? reading.error : "Understood: " + reading.understood + " (EDTF " + reading.edtf + ")";
      } catch (error) {
        output.textContent = "";
      }
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(read, 200); });
    read();
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-read-url]").forEach(attach);
  });
})();
