// The alliance network page: draws /api/network with Cytoscape.js, filters by type and
// actor kind in the browser, and shows what was clicked in the side panel. Data reaches the
// page only through textContent and attributes, never as HTML.
(function () {
  "use strict";
  var FACTION_COLOURS = ["#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
                         "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"];
  var container = document.getElementById("graph");
  var panel = document.getElementById("panel-body");

  var el = window.faultlinesDom.el;
  function actorUrl(id) { return "/actors/" + encodeURIComponent(id).replace(/%3A/g, ":"); }
  function colour(faction) { return FACTION_COLOURS[(faction - 1) % FACTION_COLOURS.length]; }

  function checkboxes(fieldset, values, onChange) {
    values.forEach(function (value) {
      var box = el("input", {type: "checkbox", value: value, checked: "checked"});
      box.addEventListener("change", onChange);
      fieldset.appendChild(el("label", {}, [box, " " + value]));
    });
  }
  function checked(fieldset) {
    var on = {};
    fieldset.querySelectorAll("input:checked").forEach(function (box) { on[box.value] = true; });
    return on;
  }

  function show(nodes) {
    panel.textContent = "";
    nodes.forEach(function (n) { panel.appendChild(n); });
  }

  function showActor(cy, node, labels) {
    var d = node.data();
    var rows = node.connectedEdges(":visible").sort(function (a, b) {
      return Math.abs(b.data("weight")) - Math.abs(a.data("weight"));
    }).map(function (edge) {
      var other = edge.source().id() === d.id ? edge.target() : edge.source();
      var sign = edge.data("sign") > 0 ? "ally" : edge.data("sign") < 0 ? "enemy" : "mixed";
      return el("li", {}, [el("span", {"class": "sign sign-" + sign}, [sign]), " ",
                           el("a", {href: actorUrl(other.id())}, [other.data("label")]),
                           el("span", {"class": "muted"}, [" " + edge.data("types").join(", ")])]);
    });
    show([
      el("h2", {}, [d.label]),
      el("p", {"class": "muted"}, [d.id + " · " + (d.kind || "actor") + " · faction " + d.faction]),
      el("p", {}, [el("a", {"class": "open-actor button", href: actorUrl(d.id)}, ["Open actor page →"])]),
      el("p", {"class": "muted"}, ["ties for " + d.positive.toFixed(1) + ", against " + d.negative.toFixed(1)]),
      el("ul", {"class": "plain ties"}, rows),
    ]);
  }

  function showEdge(edge, labels) {
    var d = edge.data();
    var claims = d.claims.map(function (id) {
      return el("li", {}, [el("a", {href: "/claims/" + encodeURIComponent(id)}, [labels[id] || id])]);
    });
    show([
      el("h2", {}, [edge.source().data("label") + " — " + edge.target().data("label")]),
      el("p", {"class": "muted"}, [d.types.join(", ") + " · net weight " + d.weight.toFixed(2)]),
      el("h3", {}, ["Claims"]),
      el("ul", {"class": "plain"}, claims),
    ]);
  }

  function draw(data) {
    var elements = data.nodes.map(function (n) {
      return {data: {id: n.id, label: n.name, kind: n.kind || "other", faction: n.faction, degree: n.degree,
                     positive: n.positive, negative: n.negative, colour: colour(n.faction)}};
    }).concat(data.edges.map(function (e) {
      return {data: {id: e.source + "|" + e.target, source: e.source, target: e.target, weight: e.weight,
                     width: 1.5 + Math.min(Math.abs(e.weight), 6), sign: e.sign, types: e.types, claims: e.claims}};
    }));
    if (!elements.length) {
      container.appendChild(el("p", {"class": "empty"}, ["No claims between actors in this period."]));
      return null;
    }
    var cy = cytoscape({
      container: container, elements: elements, wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 4,
      style: [
        {selector: "node", style: {
          "background-color": "data(colour)", "border-width": 1, "border-color": "#555",
          "width": "mapData(degree, 0, 12, 18, 54)", "height": "mapData(degree, 0, 12, 18, 54)",
          "label": "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
          "text-wrap": "wrap", "text-max-width": 110, "text-background-color": "#fff",
          "text-background-opacity": 0.8, "text-background-padding": 1, "min-zoomed-font-size": 7}},
        {selector: "edge", style: {
          "width": "data(width)", "curve-style": "bezier", "opacity": 0.75,
          "line-color": "#9e9e9e"}},
        {selector: "edge[sign > 0]", style: {"line-color": "#2e7d32"}},
        {selector: "edge[sign < 0]", style: {"line-color": "#c62828", "line-style": "dashed"}},
        {selector: ".faded", style: {"opacity": 0.12}},
        {selector: "node:selected", style: {"border-width": 3, "border-color": "#1a237e"}},
        {selector: "edge:selected", style: {"opacity": 1, "underlay-color": "#1a237e", "underlay-opacity": 0.25,
                                            "underlay-padding": 3}},
      ],
      layout: {name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 90000; },
               idealEdgeLength: function () { return 90; }, nodeOverlap: 20, gravity: 0.25, numIter: 2500,
               padding: 30},
    });
    var labels = data.claim_labels || {};
    cy.on("tap", "node", function (event) {
      var node = event.target;
      cy.elements().addClass("faded");
      node.closedNeighborhood().removeClass("faded");
      showActor(cy, node, labels);
    });
    cy.on("tap", "edge", function (event) {
      cy.elements().addClass("faded");
      event.target.removeClass("faded").connectedNodes().removeClass("faded");
      showEdge(event.target, labels);
    });
    cy.on("tap", function (event) { if (event.target === cy) { cy.elements().removeClass("faded"); } });
    cy.on("dbltap", "node", function (event) { window.location.href = actorUrl(event.target.id()); });

    var typeBox = document.getElementById("type-filter");
    var kindBox = document.getElementById("kind-filter");
    function uniq(values) { return values.filter(function (v, i) { return values.indexOf(v) === i; }).sort(); }
    function filter() {
      var types = checked(typeBox), kinds = checked(kindBox);
      cy.batch(function () {
        cy.edges().forEach(function (edge) {
          var shown = edge.data("types").some(function (t) { return types[t]; });
          edge.style("display", shown ? "element" : "none");
        });
        cy.nodes().forEach(function (node) {
          var ok = kinds[node.data("kind")] && node.connectedEdges().some(function (e) {
            return e.style("display") !== "none" && kinds[e.source().data("kind")] && kinds[e.target().data("kind")];
          });
          node.style("display", ok ? "element" : "none");
        });
      });
      var shown = cy.elements().filter(function (item) { return item.style("display") !== "none"; });
      if (shown.length) { cy.fit(shown, 30); }
    }
    checkboxes(typeBox, uniq([].concat.apply([], data.edges.map(function (e) { return e.types; }))), filter);
    checkboxes(kindBox, uniq(data.nodes.map(function (n) { return n.kind || "other"; })), filter);

    var factions = document.getElementById("factions");
    data.factions.forEach(function (f) {
      var names = f.members.slice(0, 8).map(function (id) { return cy.getElementById(id).data("label"); });
      factions.appendChild(el("li", {}, [el("span", {"class": "swatch", style: "background:" + colour(f.number)}, []),
        names.join(", ") + (f.members.length > 8 ? " and " + (f.members.length - 8) + " more" : "")]));
    });
    var g = data.graph;
    document.getElementById("network-stats").textContent =
      data.nodes.length + " actors, " + data.edges.length + " ties; balance " + g.balance.toFixed(2);
    return cy;
  }

  fetch(container.getAttribute("data-api"), {headers: {Accept: "application/json"}})
    .then(function (response) {
      if (!response.ok) {
        return response.json().then(function (body) { throw new Error(body.detail || response.statusText); });
      }
      return response.json();
    })
    .then(function (data) {
      window.cy = draw(data);
      container.setAttribute("data-ready", "true");
    })
    .catch(function (error) {
      container.appendChild(el("p", {"class": "error"}, ["Cannot load the network: " + error.message]));
      container.setAttribute("data-ready", "error");
    });
})();
