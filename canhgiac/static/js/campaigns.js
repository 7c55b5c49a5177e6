// campaigns: the coverage chart (Chart.js, vendored), copy buttons, and the conference form's mode switch.
(function () {
  "use strict";

  function coverageChart(canvas) {
    var source = document.getElementById(canvas.getAttribute("data-source"));
    if (!source || typeof window.Chart === "undefined") { return; }
    var points = JSON.parse(source.textContent);
    var target = parseFloat(canvas.getAttribute("data-target") || "100");
    new window.Chart(canvas, {
      type: "line",
      data: {
        labels: points.map(function (p) { return p.d; }),
        datasets: [
          { label: "Tỷ lệ bao phủ (%)", data: points.map(function (p) { return p.c; }), borderColor: "#0b4f8a",
            backgroundColor: "rgba(11, 79, 138, .12)", fill: true, tension: .25, pointRadius: 3 },
          { label: "Chỉ tiêu", data: points.map(function () { return target; }), borderColor: "#c0392b",
            borderDash: [6, 4], pointRadius: 0, fill: false }
        ]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + "%"; } } } },
        plugins: { legend: { position: "bottom" } }
      }
    });
  }

  document.querySelectorAll("canvas[data-coverage-chart]").forEach(coverageChart);

  // Copy the text of the element named by data-copy (online meeting links are shown as text, never as links).
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) { return; }
    var el = document.getElementById(button.getAttribute("data-copy"));
    if (!el || !navigator.clipboard) { return; }
    navigator.clipboard.writeText(el.textContent.trim()).then(function () {
      if (window.canhgiacToast) { window.canhgiacToast("Đã chép đường dẫn.", "success"); }
    });
  });

  // The conference form: show the venue or the meeting link according to the chosen mode.
  function syncMode() {
    var checked = document.querySelector("input[name=mode]:checked");
    if (!checked) { return; }
    var mode = checked.value;
    document.querySelectorAll("[data-mode-field]").forEach(function (box) {
      var wanted = box.getAttribute("data-mode-field").split(" ");
      box.hidden = wanted.indexOf(mode) === -1;
    });
  }
  document.addEventListener("change", function (event) {
    if (event.target.name === "mode") { syncMode(); }
  });
  syncMode();
})();
