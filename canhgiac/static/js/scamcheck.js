// Scam checker pages: small progressive enhancements (no inline scripts: Content-Security-Policy).
(function () {
  "use strict";

  // Report form: show the contact fields only when the reporter chooses to leave them.
  function syncContact() {
    var named = document.querySelector("input[name=contact][value=named]");
    var box = document.querySelector("[data-contact-fields]");
    if (!named || !box) { return; }
    box.hidden = !named.checked;
  }
  document.addEventListener("change", function (event) {
    if (event.target.name === "contact") { syncContact(); }
  });
  document.addEventListener("DOMContentLoaded", syncContact);

  // "Copy" buttons next to tracking codes.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button || !navigator.clipboard) { return; }
    event.preventDefault();
    navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
      var label = button.querySelector("[data-copy-label]");
      if (label) { label.textContent = "Đã sao chép"; }
    });
  });

  // "Paste" button of the search box (only where the browser allows reading the clipboard).
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-paste-into]");
    if (!button) { return; }
    event.preventDefault();
    var target = document.getElementById(button.getAttribute("data-paste-into"));
    if (!target || !navigator.clipboard || !navigator.clipboard.readText) { return; }
    navigator.clipboard.readText().then(function (text) { target.value = text; target.focus(); });
  });
  document.addEventListener("DOMContentLoaded", function () {
    if (!navigator.clipboard || !navigator.clipboard.readText) {
      document.querySelectorAll("[data-paste-into]").forEach(function (b) { b.hidden = true; });
    }
  });

  // Example chips fill the search box.
  document.addEventListener("click", function (event) {
    var chip = event.target.closest("[data-example]");
    if (!chip) { return; }
    event.preventDefault();
    var box = document.getElementById("id_q");
    if (box) { box.value = chip.getAttribute("data-example"); box.focus(); }
  });
})();
