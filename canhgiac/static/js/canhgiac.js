// canhgiac: small behaviours shared by every page. No inline scripts anywhere (Content-Security-Policy).
(function () {
  "use strict";

  // Buttons and links with data-confirm ask before acting.
  document.addEventListener("click", function (event) {
    var el = event.target.closest("[data-confirm]");
    if (el && !window.confirm(el.getAttribute("data-confirm"))) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // Buttons with data-print open the print dialog.
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) {
      event.preventDefault();
      window.print();
    }
  });

  // Forms with data-once disable their submit buttons after the first submit (no double posts).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("data-once")) {
      if (form.dataset.sent === "1") { event.preventDefault(); return; }
      form.dataset.sent = "1";
      form.querySelectorAll("button[type=submit]").forEach(function (b) { b.setAttribute("aria-disabled", "true"); });
    }
  });

  // htmx: show a Vietnamese message when the network or the server fails, instead of failing silently.
  document.addEventListener("htmx:sendError", function () {
    showToast("Mất kết nối mạng. Thao tác chưa được gửi, vui lòng thử lại.", "danger");
  });
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    var text = status === 429 ? "Bạn thao tác quá nhanh. Vui lòng chờ một lát rồi thử lại."
      : "Máy chủ chưa xử lý được yêu cầu (mã " + status + "). Vui lòng thử lại.";
    showToast(text, "danger");
  });

  function showToast(text, kind) {
    var box = document.getElementById("toast-box");
    if (!box) { return; }
    var el = document.createElement("div");
    el.className = "alert alert-" + (kind || "info") + " shadow-sm mb-2";
    el.setAttribute("role", "alert");
    el.textContent = text;
    box.appendChild(el);
    setTimeout(function () { el.remove(); }, 6000);
  }
  window.canhgiacToast = showToast;
})();
