/*
 * Transcript pages: when the address names a turn (#t-N, as search results link), mark that turn so the
 * reader sees where the result landed, and move focus to it for keyboard and screen-reader users.
 */
(function () {
  "use strict"
  var marked = null
  function markTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1))
    var turn = /^t-\d+$/.test(id) ? document.getElementById(id) : null
    if (marked) marked.classList.remove("search-target")
    marked = turn
    if (!turn) return
    turn.classList.add("search-target")
    if (!turn.hasAttribute("tabindex")) turn.setAttribute("tabindex", "-1")
    turn.focus({ preventScroll: true })
  }
  window.addEventListener("hashchange", markTarget)
  markTarget()
})()
