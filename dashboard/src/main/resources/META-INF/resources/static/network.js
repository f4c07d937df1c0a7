/* The network: clusters as nodes, agreements as edges, alliances as boxes around their members (Cytoscape). */
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var container = document.getElementById('network');
    if (!container) { return; }
    var cy = cytoscape({
      container: container,
      elements: JSON.parse(container.dataset.elements || '[]'),
      wheelSensitivity: 0.3,
      style: [
        { selector: 'node', style: { 'label': 'data(label)', 'background-color': '#0b5394', 'color': '#1b1f24',
          'font-size': 12, 'text-valign': 'bottom', 'text-margin-y': 4, 'width': 26, 'height': 26 } },
        { selector: 'node[kind = "ALLIANCE"]', style: { 'background-color': '#eef4fb', 'border-color': '#2e8b57',
          'border-width': 2, 'shape': 'round-rectangle', 'text-valign': 'top', 'font-weight': 'bold' } },
        { selector: ':parent', style: { 'padding': 18 } },
        { selector: 'edge', style: { 'width': 2, 'line-color': '#7f8c8d', 'curve-style': 'bezier', 'label': 'data(label)',
          'font-size': 9, 'color': '#4a5560', 'text-rotation': 'autorotate', 'text-background-color': '#ffffff',
          'text-background-opacity': 0.8 } },
        { selector: 'edge[status = "ACTIVE"]', style: { 'line-color': '#2e8b57' } },
        { selector: 'edge[status = "EXPIRED"], edge[status = "TERMINATED"]', style: { 'line-style': 'dashed' } }
      ],
      // Far apart, so that an edge never runs under a node it does not join.
      layout: { name: 'cose', animate: false, padding: 40, randomize: false, componentSpacing: 160,
        idealEdgeLength: function () { return 180; }, nodeRepulsion: function () { return 600000; },
        nestingFactor: 1.2, gravity: 0.2, numIter: 2000 }
    });
    cy.on('tap', 'node', function (event) {
      var href = event.target.data('href');
      if (href) { window.location.href = href; }
    });
    container.dataset.drawn = String(cy.nodes().length);
    window.clusterNetwork = cy;
  });
})();
