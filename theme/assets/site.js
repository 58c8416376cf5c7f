// Copies a passage's address when its "#N" link is used, so a reader can paste a deep link.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.turn-link") : null;
    if (!link || !navigator.clipboard) {
      return;
    }
    navigator.clipboard.writeText(link.href).then(function () {
      link.setAttribute("data-copied", "true");
      link.title = "Link copied";
    }, function () { /* clipboard refused (e.g. file://): the link still navigates */ });
  });
})();
