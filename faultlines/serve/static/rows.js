// Table rows with a data-href open that page when clicked anywhere but on a link.
document.querySelectorAll("tr[data-href]").forEach(function (row) {
  "use strict";
  row.addEventListener("click", function (event) {
    if (event.target.closest("a")) { return; }
    window.location.href = row.getAttribute("data-href");
  });
});
