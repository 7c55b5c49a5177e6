// Case register pages: charts of the statistics (Chart.js, vendored) and small form helpers.
// No inline scripts (Content-Security-Policy): data comes from <script type="application/json"> blocks
// (Django's json_script) named by the canvas's data-source attribute. Hidden cells are null: never drawn.
(function () {
  "use strict";

  var NAVY = "#0b4f8a";
  var RED = "#c8102e";
  var number = new Intl.NumberFormat("vi-VN");

  function read(id) {
    var node = document.getElementById(id);
    if (!node) { return null; }
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }

  function money(value) {
    if (value === null || value === undefined) { return "—"; }
    if (value === 0) { return "0"; }
    if (value >= 1000) { return number.format(Math.round(value / 100) / 10) + " tỷ"; }
    return number.format(value) + " triệu";
  }

  function monthChart(canvas, data) {
    return new window.Chart(canvas, {
      data: {
        labels: data.labels,
        datasets: [
          { type: "bar", label: "Số vụ", data: data.cases, backgroundColor: NAVY, yAxisID: "y", order: 2 },
          { type: "line", label: "Số tiền bị chiếm đoạt", data: data.lost, borderColor: RED, backgroundColor: RED,
            yAxisID: "y1", tension: 0.25, spanGaps: false, order: 1 }
        ]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        interaction: { mode: "index", intersect: false },
        scales: {
          y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "Số vụ" } },
          y1: { beginAtZero: true, position: "right", grid: { drawOnChartArea: false },
                ticks: { callback: function (v) { return money(v); } } }
        },
        plugins: {
          tooltip: { callbacks: { label: function (ctx) {
            if (ctx.raw === null) { return ctx.dataset.label + ": không công bố"; }
            return ctx.dataset.yAxisID === "y1" ? "Số tiền: " + money(ctx.raw) : "Số vụ: " + number.format(ctx.raw);
          } } }
        }
      }
    });
  }

  function barChart(canvas, data) {
    var horizontal = data.labels.length > 5;
    var box = canvas.parentElement;
    if (horizontal && box) { box.style.height = Math.max(160, 28 * data.labels.length + 40) + "px"; }
    return new window.Chart(canvas, {
      type: "bar",
      data: { labels: data.labels, datasets: [{ label: "Số vụ", data: data.cases, backgroundColor: NAVY }] },
      options: {
        indexAxis: horizontal ? "y" : "x",
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: horizontal
          ? { x: { beginAtZero: true, ticks: { precision: 0 } },
              y: { ticks: { autoSkip: false, callback: function (v) {
                var text = this.getLabelForValue(v);
                var room = canvas.clientWidth < 500 ? 20 : 38;
                return text.length > room ? text.slice(0, room - 1) + "…" : text;
              } } } }
          : { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: function (ctx) {
            if (ctx.raw === null) { return "Không công bố (nhóm nhỏ)"; }
            var lost = data.lost[ctx.dataIndex];
            return number.format(ctx.raw) + " vụ · " + money(lost);
          } } }
        }
      }
    });
  }

  function drawCharts() {
    if (!window.Chart) { return; }
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (canvas.dataset.drawn) { return; }
      var data = read(canvas.dataset.source);
      if (!data) { return; }
      canvas.dataset.drawn = "1";
      if (canvas.dataset.chart === "month") { monthChart(canvas, data); } else { barChart(canvas, data); }
    });
  }

  // The year select of the public page submits itself.
  document.addEventListener("change", function (event) {
    if (event.target.matches("[data-autosubmit]")) { event.target.form.submit(); }
    if (event.target.name === "status") { syncClosure(); }
  });

  // Entry and status forms: the closure reason only matters for a closed case.
  function syncClosure() {
    document.querySelectorAll("[data-closure-field]").forEach(function (box) {
      var status = box.closest("form") && box.closest("form").querySelector("select[name=status]");
      if (status) { box.hidden = status.value !== "closed"; }
    });
  }

  document.addEventListener("DOMContentLoaded", function () { drawCharts(); syncClosure(); });
  document.addEventListener("htmx:afterSwap", drawCharts);
})();
