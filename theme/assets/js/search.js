/*
 * search.html: runs the query from ?q= on load and as the visitor types, loading only the index shards
 * and display files the query needs, as plain <script> files (works from file://, no fetch).
 * Needs lunr.min.js and search-core.js first; loads search-merge.js itself when lunr must run.
 */
(function () {
  "use strict"

  var pageSize = 10, debounceMs = 250, mergeScript = "assets/js/search-merge.js"
  var form = document.getElementById("search-form")
  var input = document.getElementById("search-query")
  var status = document.getElementById("search-status")
  var resultsRegion = document.getElementById("search-results")
  var filters = document.getElementById("search-filters")
  var speakerFilter = document.getElementById("search-speaker")
  var topicFilter = document.getElementById("search-topic")
  var requested = {}, runNumber = 0, timer = null, mergedIndex = null, mergedKey = ""
  var current = { results: [], shown: 0, total: 0 }

  function loadScript(path) {
    if (!requested[path]) {
      requested[path] = new Promise(function (resolve, reject) {
        var script = document.createElement("script")
        script.src = path
        script.onload = resolve
        script.onerror = function () {
          delete requested[path]
          reject(new Error("The search file " + path + " could not be loaded."))
        }
        document.head.appendChild(script)
      })
    }
    return requested[path]
  }

  function loadAll(paths) {
    return Promise.all(paths.map(loadScript))
  }

  function setStatus(text) {
    status.textContent = text
  }

  function params() {
    var found = {}
    var pairs = window.location.search.replace(/^\?/, "").split("&")
    for (var i = 0; i < pairs.length; i++) {
      if (!pairs[i]) continue
      var at = pairs[i].indexOf("="), key = at < 0 ? pairs[i] : pairs[i].slice(0, at)
      var value = at < 0 ? "" : pairs[i].slice(at + 1)
      try { found[decodeURIComponent(key)] = decodeURIComponent(value.replace(/\+/g, " ")) } catch (e) { /* malformed escape: ignore the pair */ }
    }
    return found
  }

  function rememberInAddress(text) {
    var query = "?q=" + encodeURIComponent(text)
    if (speakerFilter.value) query += "&speaker=" + encodeURIComponent(speakerFilter.value)
    if (topicFilter.value) query += "&topic=" + encodeURIComponent(topicFilter.value)
    try { window.history.replaceState(null, "", query) } catch (e) { /* some file:// setups refuse; the page still works */ }
  }

  // Index terms a filter value stands for: the words of a name as the index pipeline left them.
  function filterTerms(value) {
    var terms = []
    var tokens = lunr.tokenizer(value)
    for (var i = 0; i < tokens.length; i++) {
      var token = lunr.stopWordFilter(lunr.trimmer(tokens[i]))
      if (token !== undefined && token.toString() !== "") terms.push(token.toString())
    }
    return terms
  }

  // Fills a lunr.Query from the visitor's text plus a required clause per filter word.
  function buildQuery(query, text) {
    new lunr.QueryParser(text, query).parse()
    var chosen = [["speaker", speakerFilter.value], ["topics", topicFilter.value]]
    for (var c = 0; c < chosen.length; c++) {
      if (!chosen[c][1]) continue
      var terms = filterTerms(chosen[c][1])
      for (var t = 0; t < terms.length; t++) {
        query.term(terms[t], { fields: [chosen[c][0]], presence: lunr.Query.presence.REQUIRED })
      }
    }
    return query
  }

  // The merged index holds only the terms its query can reach, so it serves again only the same query.
  function indexFor(manifest, shards, query) {
    var key = shards.join(",") + "|" + JSON.stringify(query.clauses)
    if (mergedKey !== key) {
      mergedIndex = ArchiveSearch.mergeShards(manifest, shards, query)
      mergedKey = key
    }
    return mergedIndex
  }

  function run() {
    var text = input.value.trim(), mine = ++runNumber
    rememberInAddress(text)
    if (!text && !speakerFilter.value && !topicFilter.value) {
      current = { results: [], shown: 0, total: 0 }
      resultsRegion.textContent = ""
      setStatus("")
      return
    }
    loadAll(["search/manifest.js", "search/documents.js"]).then(function () {
      var manifest = ArchiveSearch.received.manifest, query
      try {
        query = buildQuery(new lunr.Query(manifest.fields), text)
      } catch (error) {
        if (error instanceof lunr.QueryParseError) {
          showProblem("This search could not be read: " + error.message + ". Try plain words, or escape special characters with \\.")
          return
        }
        throw error
      }
      setStatus("Searching…")
      var groups = ArchiveSearch.groupsForQuery(manifest, query).map(function (g) { return "search/g" + g + ".js" })
      return loadAll(groups).then(function () {
        if (mine !== runNumber) return
        var shards = ArchiveSearch.shardsForQuery(manifest, query)
        if (shards.length === 0) return render(mine, [], text)
        return loadAll(shards.map(function (s) { return "search/s" + s + ".js" })).then(function () {
          return showResults(mine, manifest, query, text)
        })
      })
    }).catch(function (error) {
      if (mine === runNumber) showProblem(error.message)
    })
  }

  /*
   * The first page comes from the fast path (ArchiveSearch.fastSearch, lunr's exact results computed from
   * the postings) when it takes the query; lunr itself runs only when the visitor asks for more results,
   * for the full list, and its results win should they ever differ. So typing never waits for a query lunr
   * runs in the background (up to half a second for 19,000 hits). Other queries go to lunr at once.
   */
  function showResults(mine, manifest, query, text) {
    if (mine !== runNumber) return
    var arrived = performance.now(), shards = ArchiveSearch.shardsForQuery(manifest, query)
    var fast = ArchiveSearch.fastSearch(manifest, shards, query, pageSize, requestLikelyPage)
    var lunrResults = function () {
      var index = indexFor(manifest, shards, query)
      return index.query(function (q) { buildQuery(q, text) })
    }
    if (fast) {
      resultsRegion.setAttribute("data-path", "fast")
      resultsRegion.setAttribute("data-query-ms", (performance.now() - arrived).toFixed(1))
      return render(mine, fast.top, text, arrived, fast.total, lunrResults, ArchiveSearch.topResultsPath(ArchiveSearch.received.documents, fast))
    }
    return loadScript(mergeScript).then(function () {
      if (mine !== runNumber) return
      var index = indexFor(manifest, shards, query)
      if (!query.isNegated()) loadAll(ArchiveSearch.likelyTop(index, pageSize).map(displayPath)).catch(function () { /* loaded again when shown */ })
      var merged = performance.now()
      var results = index.query(function (q) { buildQuery(q, text) })
      resultsRegion.setAttribute("data-path", "lunr")
      resultsRegion.setAttribute("data-merge-ms", (merged - arrived).toFixed(1))
      resultsRegion.setAttribute("data-query-ms", (performance.now() - merged).toFixed(1))
      return render(mine, results, text, arrived)
    })
  }

  /*
   * Asks for the display data of the fast path's likely first page (its top results file, or the display
   * files of its best candidates, best first) while the fast path still works out exact scores: display
   * files take longer to arrive than that work, so they arrive sooner. showMore asks again for what it needs.
   */
  function requestLikelyPage(likely) {
    var topPath = ArchiveSearch.topResultsPath(ArchiveSearch.received.documents, likely)
    var paths = topPath ? [topPath] : likely.refs.map(displayPath)
    loadAll(paths).catch(function () { /* asked again when shown */ })
  }

  /*
   * On "Show more": lunr's own results replace the fast path's first page (for the pages after it and as the
   * reference); should lunr rank that page otherwise or count otherwise, its results are shown from the
   * start, and true returned.
   */
  function completeWithLunr(mine) {
    if (mine !== runNumber || !current.pending) return false
    var started = performance.now(), results = current.pending(), page = current.results
    var same = results.length === current.total
    for (var i = 0; i < page.length && same; i++) same = results[i].ref === page[i].ref && results[i].score === page[i].score
    current.pending = null
    current.results = results
    resultsRegion.setAttribute("data-lunr-ms", (performance.now() - started).toFixed(1))
    resultsRegion.setAttribute("data-lunr", same ? "same" : "differs")
    if (!same) render(mine, results, current.text)
    return !same
  }

  function showProblem(message) {
    current = { results: [], shown: 0, total: 0 }
    resultsRegion.textContent = ""
    var paragraph = document.createElement("p")
    paragraph.className = "search-message"
    paragraph.textContent = message
    resultsRegion.appendChild(paragraph)
    setStatus(message)
    resultsRegion.setAttribute("data-state", "error")
  }

  // results: lunr's, or the fast path's first page of `total`, with `pending` giving lunr's full list and
  // `topPath` the top results file that may hold the whole first page.
  function render(mine, results, text, arrived, total, pending, topPath) {
    current = { results: results, shown: 0, text: text, total: total === undefined ? results.length : total, pending: pending || null, topPath: topPath || null }
    resultsRegion.textContent = ""
    resultsRegion.setAttribute("data-state", "loading")
    if (current.total === 0) {
      var none = document.createElement("p")
      none.className = "search-message"
      none.textContent = "No turns match “" + text + "”. Try fewer or other words, a word start with *, or a near spelling with ~1."
      resultsRegion.appendChild(none)
      setStatus("No results.")
      resultsRegion.setAttribute("data-state", "done")
      return
    }
    var list = document.createElement("ol")
    list.className = "search-result-list"
    resultsRegion.appendChild(list)
    return showMore(mine, arrived)
  }

  /*
   * Shows the next page of results. Each result's place is reserved at once and filled, in rank order, as
   * soon as its display data and that of the results above it have arrived, from the query's top results
   * file when it has one (one file instead of about ten) and display files for the rest: the first results appear
   * while the others still load, and nothing the visitor may be about to click moves. The status (read out
   * by aria-live) is set once, with the first results.
   */
  function showMore(mine, arrived) {
    var from = current.shown, page = current.results.slice(from, from + pageSize)
    var list = resultsRegion.querySelector("ol"), places = [], drawn = 0
    page.forEach(function () {
      var place = document.createElement("li")
      place.className = "search-result search-result-pending"
      place.setAttribute("aria-hidden", "true")
      list.appendChild(place)
      places.push(place)
    })
    current.shown = from + page.length
    var more = resultsRegion.querySelector(".search-more")
    if (more) more.parentNode.removeChild(more)
    var requestedAt = performance.now(), lastArrived = requestedAt
    function drawReady() {
      if (mine !== runNumber) return
      lastArrived = performance.now()
      while (drawn < page.length && displayLoaded(page[drawn].ref)) {
        places[drawn].classList.remove("search-result-pending")
        places[drawn].removeAttribute("aria-hidden")
        fillResult(places[drawn], page[drawn])
        if (drawn++ === 0 && from === 0) firstShown()
      }
    }
    function firstShown() {
      announceCount()
      if (arrived !== undefined) resultsRegion.setAttribute("data-first-ms", (performance.now() - arrived).toFixed(1))
    }
    var top = from === 0 && current.topPath ? loadScript(current.topPath).catch(function () { /* display files serve */ }) : Promise.resolve()
    return top.then(function () {
      if (mine !== runNumber) return
      drawReady()
      var paths = {}
      page.forEach(function (result) { if (!displayLoaded(result.ref)) paths[displayPath(result.ref)] = true })
      return Promise.all(Object.keys(paths).map(function (path) { return loadScript(path).then(drawReady) }))
    }).then(function () {
      if (mine !== runNumber) return
      var displayArrived = lastArrived
      if (from > 0) announceCount()
      if (current.shown < current.total) {
        var button = document.createElement("button")
        button.type = "button"
        button.className = "search-more"
        button.textContent = "Show more results"
        button.addEventListener("click", function () {
          var mine = runNumber
          loadScript(mergeScript).then(function () {
            if (mine !== runNumber || completeWithLunr(mine)) return
            return showMore(mine).then(function () {
              var links = list.querySelectorAll("a")
              if (links[from + pageSize]) links[from + pageSize].focus()
            })
          }).catch(function (error) {
            if (mine === runNumber) showProblem(error.message)
          })
        })
        resultsRegion.appendChild(button)
      }
      resultsRegion.setAttribute("data-state", "done")
      if (arrived !== undefined) {
        // Timings for the search-browser benchmark: waiting for the display files (drawing the results
        // already complete meanwhile), then drawing the rest; data-first-ms is when the first result showed.
        resultsRegion.setAttribute("data-display-ms", (displayArrived - requestedAt).toFixed(1))
        resultsRegion.setAttribute("data-render-ms", (performance.now() - displayArrived).toFixed(1))
        resultsRegion.setAttribute("data-search-ms", (performance.now() - arrived).toFixed(1))
      }
    })
  }

  function announceCount() {
    var total = current.total
    setStatus(total + (total === 1 ? " result" : " results") + " for “" + current.text + "”" +
      (current.shown < total ? ", showing " + current.shown + "." : "."))
  }

  function displayPath(ref) {
    return "search/d" + ArchiveSearch.displayOf(ArchiveSearch.received.documents, Number(ref)).id + ".js"
  }

  function displayLoaded(ref) {
    return ArchiveSearch.displayData(ArchiveSearch.received.documents, Number(ref)) !== null
  }

  function fillResult(item, result) {
    var chunk = ArchiveSearch.displayData(ArchiveSearch.received.documents, Number(result.ref)), turn = chunk.turn
    var terms = ArchiveSearch.matchedTermsOf(result)

    var heading = document.createElement("h2")
    heading.className = "search-result-title"
    var link = document.createElement("a")
    link.href = chunk.page + "#" + turn[0]
    appendMarked(link, ArchiveSearch.snippet(chunk.title, terms, 1000))
    heading.appendChild(link)
    item.appendChild(heading)

    var meta = document.createElement("p")
    meta.className = "search-result-meta"
    appendMarked(meta, ArchiveSearch.snippet(turn[1], terms, 1000))
    if (turn[2]) {
      meta.appendChild(document.createTextNode(" · "))
      appendMarked(meta, ArchiveSearch.snippet(turn[2], terms, 1000))
    }
    item.appendChild(meta)

    var words = document.createElement("p")
    words.className = "search-result-snippet"
    appendMarked(words, ArchiveSearch.snippet(turn[3], terms, 15))
    item.appendChild(words)
  }

  // Text from a transcript only ever reaches the page as text nodes.
  function appendMarked(parent, runs) {
    for (var i = 0; i < runs.length; i++) {
      if (runs[i].match) {
        var mark = document.createElement("mark")
        mark.textContent = runs[i].text
        parent.appendChild(mark)
      } else {
        parent.appendChild(document.createTextNode(runs[i].text))
      }
    }
  }

  function fillFilters() {
    return loadAll(["search/facets.js"]).then(function () {
      var facets = ArchiveSearch.received.facets
      fillSelect(speakerFilter, facets.speakers)
      fillSelect(topicFilter, facets.topics)
    })
  }

  function fillSelect(select, names) {
    if (select.options.length > 1) return
    var wanted = select.getAttribute("data-wanted")
    for (var i = 0; i < names.length; i++) {
      var option = document.createElement("option")
      option.value = option.textContent = names[i]
      if (names[i] === wanted) option.selected = true
      select.appendChild(option)
    }
  }

  function schedule() {
    window.clearTimeout(timer)
    timer = window.setTimeout(run, debounceMs)
  }

  // Arrow keys move between the query box and the result links.
  function onKey(event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return
    var links = Array.prototype.slice.call(resultsRegion.querySelectorAll("a"))
    if (links.length === 0) return
    var at = links.indexOf(document.activeElement)
    if (event.target === input && event.key === "ArrowDown") links[0].focus()
    else if (at >= 0 && event.key === "ArrowDown" && at + 1 < links.length) links[at + 1].focus()
    else if (at > 0 && event.key === "ArrowUp") links[at - 1].focus()
    else if (at === 0 && event.key === "ArrowUp") input.focus()
    else return
    event.preventDefault()
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault()
    window.clearTimeout(timer)
    run()
  })
  input.addEventListener("input", schedule)
  speakerFilter.addEventListener("change", run)
  topicFilter.addEventListener("change", run)
  filters.addEventListener("toggle", function () { if (filters.open) fillFilters() })
  document.addEventListener("keydown", onKey)

  var start = params()
  input.value = start.q || ""
  if (start.speaker || start.topic) {
    speakerFilter.setAttribute("data-wanted", start.speaker || "")
    topicFilter.setAttribute("data-wanted", start.topic || "")
    filters.open = true
    fillFilters().then(run, function (error) { showProblem(error.message) })
  } else {
    run()
  }
})()
