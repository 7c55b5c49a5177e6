// training: the quiz page. The server is the clock; this only shows it, counts answered questions and keeps
// htmx answer errors visible. No inline scripts (Content-Security-Policy).
(function () {
  "use strict";

  var timer = document.querySelector("[data-seconds-left]");
  var submitForm = document.getElementById("submit-form");

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  if (timer) {
    var deadline = Date.now() + parseInt(timer.getAttribute("data-seconds-left"), 10) * 1000;
    var tick = function () {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      var h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
      timer.textContent = (h ? h + ":" + pad(m) : m) + ":" + pad(s);
      timer.classList.toggle("is-low", left <= 60);
      if (left <= 0) {
        clearInterval(handle);
        if (submitForm && submitForm.dataset.sent !== "1") {
          submitForm.dataset.sent = "1";
          submitForm.submit();
        }
      }
    };
    var handle = setInterval(tick, 1000);
    tick();
  }

  function refreshProgress() {
    var cards = document.querySelectorAll(".question-card");
    if (!cards.length) { return; }
    var done = 0;
    cards.forEach(function (card) {
      var answered = card.querySelector("input:checked") !== null;
      card.classList.toggle("is-answered", answered);
      if (answered) { done += 1; }
    });
    document.querySelectorAll("[data-answered-count]").forEach(function (el) { el.textContent = done; });
    var bar = document.querySelector("[data-progress-bar]");
    if (bar) { bar.style.width = Math.round(100 * done / cards.length) + "%"; }
    var left = cards.length - done;
    var submitButton = document.getElementById("submit-button");
    if (submitButton) {
      submitButton.setAttribute("data-confirm", left > 0
        ? "Bạn còn " + left + " câu chưa trả lời. Vẫn nộp bài?"
        : "Nộp bài? Sau khi nộp, bạn không sửa được câu trả lời.");
    }
  }
  document.addEventListener("change", function (event) {
    if (event.target.closest(".question-card")) {
      var status = event.target.closest(".question-card").querySelector(".answer-slot");
      if (status) { status.innerHTML = '<span class="answer-status text-muted">Đang lưu…</span>'; }
      refreshProgress();
    }
  });
  refreshProgress();

  // Show the server's message for rejected answers (400 tampered, 409 closed / time up) in place.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status === 400 || status === 409) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  // A lost connection: say the answer is not saved yet and retry it once the network is back.
  document.addEventListener("htmx:sendError", function (event) {
    var form = event.detail.elt && event.detail.elt.closest("form[data-answer]");
    if (!form) { return; }
    var slot = form.querySelector(".answer-slot");
    if (slot) {
      slot.innerHTML = '<span class="answer-status answer-status-error">Chưa lưu được (mất mạng). Sẽ tự gửi lại khi có mạng.</span>';
    }
    form.dataset.pending = "1";
  });
  window.addEventListener("online", function () {
    document.querySelectorAll("form[data-answer][data-pending='1']").forEach(function (form) {
      form.dataset.pending = "";
      if (window.htmx) { window.htmx.trigger(form, "change"); }
    });
  });
})();
