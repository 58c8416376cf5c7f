/*
 * The lunr path of search-core.js (needs it and lunr.js first): the index parts a query loaded, merged into
 * one lunr.Index so lunr itself can run the query. search.js loads this file only when lunr must run: for
 * queries the fast path leaves to lunr (edit distance, leading wildcard, negated) and on "Show more".
 *
 * Why merging is exact: lunr 2.3.9 scores a field as dot(queryVector, fieldVector) / |queryVector|, the
 * query vector holds only terms the query expanded to, and the dot product visits only elements present in
 * both vectors. A field vector rebuilt from the terms the query can reach therefore gives the same sums,
 * term by term in the same order, as the full vector; the document vector's magnitude never enters the score.
 */
(function (core) {
  // Elements arrive in shard (term) order; lunr.Vector wants them by term index.
  function sortedByTermIndex(flat) {
    var ascending = true
    for (var i = 2; i < flat.length && ascending; i += 2) ascending = flat[i - 2] < flat[i]
    if (ascending) return flat
    var pairs = []
    for (var j = 0; j < flat.length; j += 2) pairs.push([flat[j], flat[j + 1]])
    pairs.sort(function (x, y) { return x[0] - y[0] })
    var sorted = []
    for (var k = 0; k < pairs.length; k++) sorted.push(pairs[k][0], pairs[k][1])
    return sorted
  }

  /*
   * One lunr.Index from the given shards, holding only the terms the query can reach, built as
   * lunr.Index.load builds one (same objects, same key order) without its intermediate serialised form.
   * A negated query (all clauses prohibited) scores every document, so it gets a field vector for every
   * document in the original order, empty where no reachable term touches it.
   */
  function mergeShards(manifest, shardIds, query) {
    var fields = manifest.fields, fieldCount = fields.length, reachable = core.reachableBy(core.queryTargets(query))
    // Vector elements of each field by document number (flat [termIndex, weight, ...]), and the order in
    // which (field, document) pairs first appeared; arrays indexed by number spare a string key per posting.
    var invertedIndex = Object.create(null), tokenSetBuilder = new lunr.TokenSet.Builder
    var elementsByField = [], fieldRefOrder = []
    for (var e = 0; e < fieldCount; e++) elementsByField.push([])
    var ids = shardIds.slice().sort(function (x, y) { return x - y })

    for (var s = 0; s < ids.length; s++) {
      var data = core.received.shard[ids[s]]
      if (!data) throw new Error("search shard " + ids[s] + " is not loaded")
      var stride = 2 + fieldCount
      for (var p = 0; p < data.length; p += stride) {
        var term = data[p]
        if (!reachable(term)) continue
        var termIndex = data[p + 1], posting = { _index: termIndex }
        for (var f = 0; f < fieldCount; f++) {
          var decoded = core.decodePostings(data[p + 2 + f]), documents = {}, elementsOfField = elementsByField[f]
          for (var i = 0, group = 0; i < decoded.documents.length; i++) {
            while (i >= decoded.ends[group]) group++
            var docId = decoded.documents[i], elements = elementsOfField[docId]
            documents[docId] = {}
            if (elements === undefined) {
              elements = elementsOfField[docId] = []
              fieldRefOrder.push(f, docId)
            }
            elements.push(termIndex, decoded.weights[group])
          }
          posting[fields[f]] = documents
        }
        tokenSetBuilder.insert(term)
        invertedIndex[term] = posting
      }
    }
    tokenSetBuilder.finish()

    var fieldVectors = {}
    function addVector(f, docId) {
      fieldVectors[fields[f] + "/" + docId] = new lunr.Vector(sortedByTermIndex(elementsByField[f][docId] || []))
    }
    if (query.isNegated()) {
      for (var d = 0; d < manifest.documentCount; d++) {
        for (var g = 0; g < fieldCount; g++) addVector(g, d)
      }
    } else {
      for (var r = 0; r < fieldRefOrder.length; r += 2) addVector(fieldRefOrder[r], fieldRefOrder[r + 1])
    }

    return new lunr.Index({
      fields: fields,
      fieldVectors: fieldVectors,
      invertedIndex: invertedIndex,
      tokenSet: tokenSetBuilder.root,
      pipeline: lunr.Pipeline.load(["stemmer"])
    })
  }

  /*
   * The documents a merged index will most likely rank first, to fetch their display files while lunr runs
   * the query: those with the largest sum of the weights of reachable terms over all their fields. This is
   * lunr's score for a plain query of distinct unboosted terms up to a factor per field; a wrong guess costs
   * only a second round of display files.
   */
  function likelyTop(index, count) {
    var totals = Object.create(null), refs = []
    for (var fieldRef in index.fieldVectors) {
      var ref = fieldRef.slice(fieldRef.indexOf("/") + 1), elements = index.fieldVectors[fieldRef].elements, sum = 0
      for (var i = 1; i < elements.length; i += 2) sum += elements[i]
      if (totals[ref] === undefined) { totals[ref] = 0; refs.push(ref) }
      totals[ref] += sum
    }
    // The best `count` by insertion into a short sorted list: a full sort of every matching document costs more.
    var best = []
    for (var r = 0; r < refs.length; r++) {
      var at = best.length
      while (at > 0 && ranksBefore(refs[r], best[at - 1])) at--
      if (at < count) {
        best.splice(at, 0, refs[r])
        if (best.length > count) best.pop()
      }
    }
    return best

    function ranksBefore(x, y) {
      return totals[x] > totals[y] || (totals[x] === totals[y] && Number(x) < Number(y))
    }
  }

  core.mergeShards = mergeShards
  core.likelyTop = likelyTop
})(ArchiveSearch)
