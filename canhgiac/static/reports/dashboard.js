// reports: dashboard charts (Chart.js, vendored). Each chart reads its figures from a json_script element;
// the same figures are in a table beside it and in a CSV. Charts in panels loaded by htmx start on htmx:load.
(function () {
  "use strict";
  var BLUE = "#0b4f8a", RED = "#c0392b", GREEN = "#1e8e4e", GREY = "#9aa3ae", AMBER = "#d99a00";
  var percentAxis = { min: 0, max: 100, ticks: { callback: function (v) { return v + "%"; } } };

  function data(canvas) {
    var source = document.getElementById(canvas.getAttribute("data-source"));
    return source ? JSON.parse(source.textContent) : [];
  }

  function curve(canvas) {
    var points = data(canvas);
    var target = parseFloat(canvas.getAttribute("data-target") || "100");
    var deadline = canvas.getAttribute("data-deadline");
    return {
      type: "line",
      data: {
        labels: points.map(function (p) { return p.d === deadline ? p.d + " (hạn)" : p.d; }),
        datasets: [
          { label: "Tỷ lệ bao phủ (%)", data: points.map(function (p) { return p.c; }), borderColor: BLUE,
            backgroundColor: "rgba(11, 79, 138, .12)", fill: true, tension: .2, pointRadius: 3, spanGaps: false },
          { label: "Dự báo theo nhịp hiện tại", data: points.map(function (p) { return p.f; }), borderColor: AMBER,
            borderDash: [4, 4], pointRadius: 2, fill: false, spanGaps: false },
          { label: "Chỉ tiêu " + target + "%", data: points.map(function () { return target; }), borderColor: RED,
            borderDash: [8, 4], pointRadius: 0, fill: false }
        ]
      },
      options: { scales: { y: percentAxis } }
    };
  }

  function units(canvas) {
    var rows = data(canvas);
    var target = parseFloat(canvas.getAttribute("data-target") || "100");
    return {
      type: "bar",
      data: {
        labels: rows.map(function (r) { return r.n; }),
        datasets: [{ label: "Tỷ lệ bao phủ (%)", data: rows.map(function (r) { return r.c; }),
          backgroundColor: rows.map(function (r) { return r.c >= target ? GREEN : r.c >= 0.6 * target ? AMBER : RED; }) }]
      },
      options: { indexAxis: rows.length > 8 ? "y" : "x", scales: rows.length > 8 ? { x: percentAxis } : { y: percentAxis },
        plugins: { legend: { display: false } } }
    };
  }

  function methods(canvas) {
    var rows = data(canvas);
    return {
      type: "bar",
      data: {
        labels: rows.map(function (r) { return r.n.length > 40 ? r.n.slice(0, 38) + "…" : r.n; }),
        datasets: [
          { label: "Đúng — đầu vào (%)", data: rows.map(function (r) { return r.pre; }), backgroundColor: GREY },
          { label: "Đúng — cuối khóa (%)", data: rows.map(function (r) { return r.post; }), backgroundColor: BLUE }
        ]
      },
      options: { indexAxis: "y", scales: { x: percentAxis } }
    };
  }

  function weeks(canvas) {
    var rows = data(canvas);
    return {
      type: "bar",
      data: {
        labels: rows.map(function (r) { return r.d; }),
        datasets: [
          { label: "Đã tổ chức", data: rows.map(function (r) { return r.h; }), backgroundColor: BLUE },
          { label: "Sắp tới", data: rows.map(function (r) { return r.p; }), backgroundColor: GREY }
        ]
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
    };
  }

  function states(canvas) {
    var rows = data(canvas);
    var colours = { missing: RED, draft: GREY, submitted: AMBER, returned: "#8e44ad", accepted: GREEN };
    return {
      type: "bar",
      data: {
        labels: rows.map(function (r) { return r.n; }),
        datasets: [{ label: "Đơn vị", data: rows.map(function (r) { return r.v; }),
          backgroundColor: rows.map(function (r) { return colours[r.k] || BLUE; }) }]
      },
      options: { indexAxis: "y", scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { display: false } } }
    };
  }

  var builders = { curve: curve, units: units, methods: methods, weeks: weeks, states: states };

  function start(root) {
    if (typeof window.Chart === "undefined") { return; }
    root.querySelectorAll("canvas[data-dash-chart]").forEach(function (canvas) {
      if (canvas.getAttribute("data-started")) { return; }
      var build = builders[canvas.getAttribute("data-dash-chart")];
      if (!build) { return; }
      canvas.setAttribute("data-started", "1");
      var config = build(canvas);
      config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options);
      config.options.plugins = Object.assign({ legend: { position: "bottom" } }, config.options.plugins || {});
      new window.Chart(canvas, config);
    });
  }

  start(document);
  document.body.addEventListener("htmx:load", function (event) { start(event.detail.elt); });
})();
