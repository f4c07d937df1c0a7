/* A cluster's page: each indicator's series against its targets, and its agreements on a timeline (ECharts). */
(function () {
  'use strict';

  function series(element) {
    var data = JSON.parse(element.dataset.series);
    var actual = data.actual.map(function (p) {
      return { value: [p.end, p.value], label: p.label, period: p.period, source: p.source,
        symbolSize: p.implausible ? 14 : 8, itemStyle: p.implausible ? { color: '#8a4b00' } : undefined };
    });
    var targets = [];
    data.targets.forEach(function (t) {
      var info = { label: t.label, period: t.period, source: t.source };
      if (t.start && t.start !== t.end) { targets.push(Object.assign({ value: [t.start, t.value] }, info)); }
      targets.push(Object.assign({ value: [t.end, t.value] }, info));
      targets.push(null);
    });
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true }, color: window.ClusterBridgeCharts.palette,
      legend: { data: [element.dataset.actual, element.dataset.target] },
      tooltip: { trigger: 'item', formatter: function (p) {
        return p.data ? p.data.label + ' (' + p.data.period + ')<br>' + (p.data.source || '') : ''; } },
      grid: { left: 90, right: 30, top: 40, bottom: 40 },
      xAxis: { type: 'time' }, yAxis: { type: 'value', scale: false },
      series: [
        { name: element.dataset.actual, type: 'line', data: actual, symbol: 'circle', connectNulls: false },
        { name: element.dataset.target, type: 'line', data: targets, lineStyle: { type: 'dashed' }, symbol: 'diamond', symbolSize: 10 }
      ]
    });
    element.dataset.drawn = 'true';
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function timeline(element) {
    var bars = JSON.parse(element.dataset.timeline);
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true }, color: window.ClusterBridgeCharts.palette,
      tooltip: { trigger: 'item', formatter: function (p) { return p.seriesName + '<br>' + (p.data && p.data.info || ''); } },
      grid: { left: 150, right: 30, top: 10, bottom: 30 },
      xAxis: { type: 'time' },
      yAxis: { type: 'category', data: bars.map(function (b) { return b.label; }) },
      series: bars.map(function (b) {
        var info = b.title + ' · ' + b.statusLabel + ' · ' + b.start + ' – ' + (b.openEnded ? '…' : b.end);
        return { name: b.label, type: 'line', lineStyle: { width: 10, type: b.openEnded ? 'dashed' : 'solid' },
          symbol: 'none', data: [{ value: [b.start, b.label], info: info }, { value: [b.end, b.label], info: info }] };
      })
    });
    element.dataset.drawn = 'true';
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('.chart[data-series]'), series);
    Array.prototype.forEach.call(document.querySelectorAll('.chart[data-timeline]'), timeline);
  });
})();
