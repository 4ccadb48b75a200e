// The map page: countries from world-atlas (Natural Earth, TopoJSON) drawn by Leaflet with
// no tile server, and a circle per place from /api/places. Everything is served by the app.
(function () {
  "use strict";
  var container = document.getElementById("map");

  var el = window.faultlinesDom.el;

  function popup(place) {
    var items = place.events.slice(0, 12).map(function (e) {
      return el("li", {}, [
        el("a", {href: "/articles/" + e.article_id + "?at=" + e.start + "#evidence"},
           [e.source.name + " " + e.type + " " + e.target.name]),
        el("span", {"class": "muted"}, [" " + e.status + (e.date ? ", " + e.date : "")]),
      ]);
    });
    var more = place.events.length > 12 ? [el("p", {"class": "muted"}, ["and " + (place.events.length - 12) + " more"])] : [];
    var where = place.gazetteer_name + ", " + place.country + (place.approximate ? " (approximate)" : "");
    return el("div", {"class": "map-popup"}, [el("h3", {}, [place.name]), el("p", {"class": "muted"}, [where]),
                                              el("ul", {"class": "plain"}, items)].concat(more));
  }

  var map = L.map(container, {worldCopyJump: true, minZoom: 2, maxZoom: 10, zoomSnap: 0.5});
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Countries: Natural Earth via world-atlas");
  map.setView([30, 30], 2);

  Promise.all([
    fetch("/static/vendor/countries-50m.json").then(function (r) { return r.json(); }),
    fetch(container.getAttribute("data-api"), {headers: {Accept: "application/json"}}).then(function (r) { return r.json(); }),
  ]).then(function (loaded) {
    var world = loaded[0], places = loaded[1];
    L.geoJSON(topojson.feature(world, world.objects.countries), {
      style: {color: "#9a9a9a", weight: 0.7, fillColor: "#f3efe6", fillOpacity: 1},
      interactive: false,
    }).addTo(map);
    // Names the gazetteer puts on one town ("Deir ez-Zor", "Deir ez-Zor province") share a circle.
    var spots = {}, order = [];
    places.placed.forEach(function (place) {
      var key = place.lat.toFixed(4) + "," + place.lon.toFixed(4);
      if (!spots[key]) {
        spots[key] = {name: place.name, names: [], lat: place.lat, lon: place.lon, gazetteer_name: place.gazetteer_name,
                      country: place.country, approximate: false, events: []};
        order.push(key);
      }
      var spot = spots[key];
      spot.names.push(place.name + (place.approximate ? " (approximate)" : ""));
      spot.events = spot.events.concat(place.events);
    });
    var markers = order.map(function (key) {
      var spot = spots[key];
      spot.name = spot.names.join(" / ");
      var marker = L.circleMarker([spot.lat, spot.lon], {
        radius: 5 + 3 * Math.sqrt(spot.events.length), color: "#7f1d1d", weight: 1.5,
        fillColor: "#dc2626", fillOpacity: 0.55,
      }).bindPopup(popup(spot), {maxWidth: 360}).bindTooltip(spot.name + " (" + spot.events.length + ")",
                                                             {direction: "top", permanent: order.length <= 15});
      marker.addTo(map);
      return marker;
    });
    if (markers.length) {
      map.fitBounds(L.featureGroup(markers).getBounds().pad(0.6), {maxZoom: 7});
    }
    window.faultlinesMap = map;
    container.setAttribute("data-ready", "true");
  }).catch(function (error) {
    container.appendChild(el("p", {"class": "error"}, ["Cannot load the map: " + error.message]));
    container.setAttribute("data-ready", "error");
  });
})();
