/* Draws every chart of a page with ECharts from the JSON in its data-chart attribute (no inline script). */
(function () {
  'use strict';
  var palette = ['#0b5394', '#2e8b57', '#b8860b', '#8e44ad', '#c0392b', '#16a085', '#7f8c8d', '#d35400'];

  function bars(points, horizontal) {
    var labels = points.map(function (p) { return p.label; });
    var data = points.map(function (p) { return { value: p.value, href: p.href }; });
    var category = { type: 'category', data: horizontal ? labels.slice().reverse() : labels,
      axisLabel: { interval: 0, width: 180, overflow: 'truncate' } };
    var value = { type: 'value', minInterval: 1 };
    return {
      color: palette, tooltip: { trigger: 'item' }, aria: { enabled: true },
      grid: { left: horizontal ? 190 : 40, right: 20, top: 10, bottom: horizontal ? 20 : 60, containLabel: false },
      xAxis: horizontal ? value : category, yAxis: horizontal ? category : value,
      series: [{ type: 'bar', data: horizontal ? data.slice().reverse() : data, label: { show: true, position: horizontal ? 'right' : 'top' } }]
    };
  }

  function pie(points) {
    return {
      color: palette, tooltip: { trigger: 'item' }, aria: { enabled: true },
      series: [{ type: 'pie', radius: ['35%', '70%'], label: { formatter: '{b}: {c}' },
        data: points.map(function (p) { return { name: p.label, value: p.value, href: p.href }; }) }]
    };
  }

  function draw(element) {
    var points = JSON.parse(element.dataset.chart || '[]');
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(element.dataset.type === 'pie' ? pie(points) : bars(points, element.dataset.type === 'hbar'));
    chart.on('click', function (event) {
      if (event.data && event.data.href) { window.location.href = event.data.href; }
    });
    window.addEventListener('resize', function () { chart.resize(); });
    element.dataset.drawn = 'true';
    return chart;
  }

  function drawAll(root) {
    Array.prototype.forEach.call(root.querySelectorAll('.chart[data-chart]'), draw);
  }

  window.ClusterBridgeCharts = { draw: draw, drawAll: drawAll, palette: palette };
  document.addEventListener('DOMContentLoaded', function () { drawAll(document); });
})();
