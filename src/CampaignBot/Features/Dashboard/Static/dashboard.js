// CampaignBot dashboard: charts (Apache ECharts, served by the app), sortable tables, the collapsible unit tree and
// its filters. Loaded as a file: the content security policy allows no inline script.
(function () {
  'use strict';

  function charts() {
    if (typeof echarts === 'undefined') { return; }
    var all = [];
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var chart = echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption(JSON.parse(el.getAttribute('data-chart')));
      el.setAttribute('data-rendered', 'true');
      all.push(chart);
    });
    window.addEventListener('resize', function () { all.forEach(function (c) { c.resize(); }); });
  }

  function cellValue(row, index, numeric) {
    var cell = row.children[index];
    if (!cell) { return numeric ? 0 : ''; }
    var raw = cell.getAttribute('data-value') || cell.textContent.trim();
    return numeric ? (parseFloat(raw) || 0) : raw;
  }

  function sortable() {
    document.querySelectorAll('table.sortable').forEach(function (table) {
      table.querySelectorAll('th[data-sort]').forEach(function (th, index) {
        th.tabIndex = 0;
        th.addEventListener('click', function () {
          var numeric = th.getAttribute('data-sort') === 'n';
          var ascending = th.getAttribute('aria-sort') !== 'ascending';
          table.querySelectorAll('th[aria-sort]').forEach(function (h) { h.removeAttribute('aria-sort'); });
          th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
            var order = numeric ? x - y : String(x).localeCompare(String(y), 'zh-CN');
            return ascending ? order : -order;
          });
          // A sorted tree is a flat list: every row shows, without indentation.
          table.classList.add('flat');
          rows.forEach(function (r) { r.classList.remove('collapsed-child'); body.appendChild(r); });
        });
      });
    });
  }

  function tree() {
    document.querySelectorAll('tr[data-depth]').forEach(function (row) {
      row.style.setProperty('--depth', row.getAttribute('data-depth'));
    });
    document.querySelectorAll('button.toggle').forEach(function (button) {
      button.addEventListener('click', function () {
        var row = button.closest('tr');
        var open = button.getAttribute('aria-expanded') === 'true';
        button.setAttribute('aria-expanded', open ? 'false' : 'true');
        button.textContent = open ? '▸' : '▾';
        var table = row.closest('table');
        var hidden = {};
        hidden[row.getAttribute('data-unit')] = open;
        table.querySelectorAll('tr[data-parent]').forEach(function (r) {
          var parent = r.getAttribute('data-parent');
          if (parent in hidden) {
            hidden[r.getAttribute('data-unit')] = hidden[parent] || (r.querySelector('button.toggle[aria-expanded="false"]') !== null);
            r.classList.toggle('collapsed-child', hidden[parent]);
          }
        });
      });
    });
  }

  function filters() {
    document.querySelectorAll('.filters').forEach(function (box) {
      var table = document.getElementById(box.getAttribute('data-for'));
      if (!table) { return; }
      function apply() {
        var kind = box.querySelector('[data-filter="kind"]').value;
        var county = box.querySelector('[data-filter="county"]').value;
        var text = box.querySelector('[data-filter="text"]').value.trim();
        table.querySelectorAll('tbody tr').forEach(function (r) {
          var show = (!kind || r.getAttribute('data-kind') === kind) &&
            (!county || r.getAttribute('data-county') === county) &&
            (!text || r.children[0].textContent.indexOf(text) >= 0);
          r.classList.toggle('filtered', !show);
        });
      }
      box.querySelectorAll('select, input').forEach(function (el) { el.addEventListener('input', apply); el.addEventListener('change', apply); });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    charts();
    sortable();
    tree();
    filters();
  });
})();
