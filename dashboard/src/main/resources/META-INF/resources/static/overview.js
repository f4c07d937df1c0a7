/* The overview: the map of clusters by country, and live updates when a service's change feed moves. */
(function () {
  'use strict';
  var geo = null;

  function drawMap(element) {
    var points = JSON.parse(element.dataset.map || '[]');
    var load = geo ? Promise.resolve(geo) : fetch(element.dataset.geo).then(function (r) { return r.json(); });
    return load.then(function (world) {
      geo = world;
      if (!echarts.getMap('world')) { echarts.registerMap('world', world); }
      var names = {};
      points.forEach(function (p) { names[p.code] = p.label; });
      var max = points.reduce(function (m, p) { return Math.max(m, p.value); }, 1);
      var chart = echarts.init(element, null, { renderer: 'svg' });
      chart.setOption({
        aria: { enabled: true },
        tooltip: { trigger: 'item', formatter: function (p) { return (names[p.name] || p.name) + (isNaN(p.value) ? '' : ': ' + p.value); } },
        visualMap: { min: 0, max: max, left: 'left', bottom: 10, calculable: false, inRange: { color: ['#dbe9f6', '#0b5394'] } },
        series: [{ type: 'map', map: 'world', nameProperty: 'iso', roam: true, emphasis: { label: { show: false } },
          itemStyle: { areaColor: '#eef1f4', borderColor: '#9aa5b1' },
          data: points.map(function (p) { return { name: p.code, value: p.value, href: p.href }; }) }]
      });
      chart.on('click', function (event) {
        if (event.data && event.data.href) { window.location.href = event.data.href; }
      });
      window.addEventListener('resize', function () { chart.resize(); });
      element.dataset.drawn = 'true';
    });
  }

  function drawMaps(root) {
    Array.prototype.forEach.call(root.querySelectorAll('.map[data-map]'), drawMap);
  }

  function follow(live) {
    var status = document.getElementById('live-status');
    var pending = null;
    var updates = 0;
    function reload() {
      pending = null;
      fetch(live.dataset.live, { headers: { Accept: 'text/html' }, credentials: 'same-origin', redirect: 'manual' })
        .then(function (response) {
          if (response.type === 'opaqueredirect' || response.status === 401) { window.location.href = '/sign-in?expired=true'; return null; }
          return response.ok ? response.text() : null;
        })
        .then(function (html) {
          if (html === null) { return; }
          live.innerHTML = html;
          window.ClusterBridgeCharts.drawAll(live);
          drawMaps(live);
          updates += 1;
          document.body.dataset.liveUpdates = String(updates);
          if (status) { status.textContent = new Date().toLocaleTimeString(document.documentElement.lang); }
        });
    }
    var source = new EventSource('/live');
    source.onmessage = function (event) {
      if (JSON.parse(event.data).ping) { return; }
      if (pending === null) { pending = window.setTimeout(reload, 150); }
    };
    source.onopen = function () { document.body.dataset.live = 'open'; };
  }

  document.addEventListener('DOMContentLoaded', function () {
    drawMaps(document);
    var live = document.getElementById('live');
    if (live) { follow(live); }
  });
})();
