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

// A quote page's "Copy link" button copies the quote's address (its data-url, else the page's).
(function () {
  "use strict";
  var button = document.querySelector('.copy-link');
  var status = document.querySelector('.copy-status');
  if (!button) return;
  function done(message) { status.textContent = message; }
  // A fallback for pages opened from disk, where the clipboard API may be unavailable.
  function copyBySelection(text) {
    var field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.position = 'absolute';
    field.style.left = '-9999px';
    document.body.appendChild(field);
    field.select();
    var copied = false;
    try { copied = document.execCommand('copy'); } catch (e) { copied = false; }
    document.body.removeChild(field);
    done(copied ? 'Link copied' : 'Copy this address: ' + text);
  }
  button.addEventListener('click', function () {
    var url = button.getAttribute('data-url') || window.location.href.split('#')[0];
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () { done('Link copied'); }, function () { copyBySelection(url); });
    } else {
      copyBySelection(url);
    }
  });
})();
