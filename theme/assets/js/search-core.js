/*
 * Search core: registration of the index parts delivered as <script> files, the choice of parts a query
 * needs, and a fast path that computes lunr's exact results from the parts without building a lunr index
 * (fastSearch). Merging the parts into one lunr.Index, for the queries lunr itself must run, is in
 * search-merge.js, loaded only then. No DOM here, so the same file runs in the browser and in the tests
 * (Jint). The data format is written by ArchiveSite.Search.ShardWriter (C#).
 */
var ArchiveSearch = (function () {
  var received = { manifest: null, documents: null, group: {}, shard: {}, display: {}, top: {}, facets: null }

  // Numbers inside posting strings (PostingEncoding in C#): the last digit of each number is one of the
  // first 46 characters of the alphabet (base 46), earlier digits are among the other 47 (base 47), so
  // numbers need no separators.
  // (\x60 is the backquote, escaped so the build's CompactScript sees no template literal.)
  var alphabet = " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_\x60abcdefghijklmnopqrstuvwxyz{|}~"
  var lastDigits = 46, earlierDigits = 47
  var digitOf = new Uint8Array(128)
  for (var a = 0; a < alphabet.length; a++) digitOf[alphabet.charCodeAt(a)] = a

  // As a typed array: the postings of frequent terms hold tens of thousands of numbers.
  function decodeNumbers(text) {
    var count = 0
    for (var i = 0; i < text.length; i++) if (digitOf[text.charCodeAt(i)] < lastDigits) count++
    var numbers = new Float64Array(count), value = 0, at = 0
    for (var j = 0; j < text.length; j++) {
      var digit = digitOf[text.charCodeAt(j)]
      if (digit >= lastDigits) {
        value = value * earlierDigits + (digit - lastDigits)
      } else {
        numbers[at++] = value * lastDigits + digit
        value = 0
      }
    }
    return numbers
  }

  function loaded(kind, id, data) {
    if (kind === "manifest") received.manifest = data
    else if (kind === "documents") received.documents = data
    else if (kind === "facets") received.facets = data
    else if (kind === "top") for (var term in data) received.top[term] = data[term]
    else received[kind][id] = data
  }

  // Index of the range a term falls in: the last whose separator is <= term (separators are sorted; numbers too).
  function rangeOf(separators, term) {
    var low = 0, high = separators.length - 1
    while (low < high) {
      var middle = (low + high + 1) >> 1
      if (separators[middle] <= term) low = middle
      else high = middle - 1
    }
    return low
  }

  // Ranges holding every term that starts with prefix: the range where prefix would sit and each following
  // range whose separator still starts with prefix (a later separator that does not is beyond them all).
  function rangesWithPrefix(separators, prefix) {
    var first = rangeOf(separators, prefix), found = [first]
    for (var i = first + 1; i < separators.length && separators[i].lastIndexOf(prefix, 0) === 0; i++) {
      found.push(i)
    }
    return found
  }

  function searchPipeline() {
    return lunr.Pipeline.load(["stemmer"])
  }

  /*
   * What each clause of a parsed query can reach, computed the way lunr.Index.query expands clauses: the
   * search pipeline on terms without wildcards, then an exact term, a prefix (text before the first "*")
   * or, for a leading wildcard or an edit distance, any term at all ({ all: true }).
   */
  function queryTargets(query) {
    var pipeline = searchPipeline(), targets = []
    for (var c = 0; c < query.clauses.length; c++) {
      var clause = query.clauses[c]
      var terms = clause.usePipeline ? pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term]
      for (var t = 0; t < terms.length; t++) {
        var term = terms[t], star = term.indexOf("*")
        if ("editDistance" in clause || star === 0) targets.push({ all: true })
        else if (star > 0) targets.push({ prefix: term.slice(0, star) })
        else targets.push({ term: term })
      }
    }
    return targets
  }

  function rangesFor(separators, target) {
    if (target.prefix !== undefined) return rangesWithPrefix(separators, target.prefix)
    return [rangeOf(separators, target.term)]
  }

  function sortedUnion(lists) {
    var wanted = {}, list = []
    for (var l = 0; l < lists.length; l++) {
      for (var i = 0; i < lists[l].length; i++) {
        if (!wanted[lists[l][i]]) { wanted[lists[l][i]] = true; list.push(lists[l][i]) }
      }
    }
    return list.sort(function (x, y) { return x - y })
  }

  // The group files (search/gN.js) whose shard separators a query needs; none when it needs every shard.
  function groupsForQuery(manifest, query) {
    var targets = queryTargets(query), lists = []
    for (var t = 0; t < targets.length; t++) {
      if (!targets[t].all) lists.push(rangesFor(manifest.groups, targets[t]))
    }
    return sortedUnion(lists)
  }

  // The shards (search/sN.js) a query can reach; needs the groups of groupsForQuery loaded first.
  function shardsForQuery(manifest, query) {
    var targets = queryTargets(query), lists = []
    for (var t = 0; t < targets.length; t++) {
      var target = targets[t]
      if (target.all) {
        var all = []
        for (var s = 0; s < manifest.shardCount; s++) all.push(s)
        lists.push(all)
        continue
      }
      // The target's groups are consecutive, so their separators joined are those of consecutive shards.
      var groups = rangesFor(manifest.groups, target), separators = []
      for (var g = 0; g < groups.length; g++) {
        var group = received.group[groups[g]]
        if (!group) throw new Error("search group " + groups[g] + " is not loaded")
        separators = separators.concat(group)
      }
      var offset = groups[0] * manifest.groupSize, local = rangesFor(separators, target), shards = []
      for (var i = 0; i < local.length; i++) shards.push(offset + local[i])
      lists.push(shards)
    }
    return sortedUnion(lists)
  }

  function parseQuery(manifest, text) {
    var query = new lunr.Query(manifest.fields)
    new lunr.QueryParser(text, query).parse()
    return query
  }

  // Whether a query can reach an index term: one of its targets (see queryTargets) names or prefixes it.
  function reachableBy(targets) {
    var exact = Object.create(null), prefixes = []
    for (var t = 0; t < targets.length; t++) {
      if (targets[t].all) return function () { return true }
      if (targets[t].prefix !== undefined) prefixes.push(targets[t].prefix)
      else exact[targets[t].term] = true
    }
    return function (term) {
      if (exact[term] === true) return true
      for (var p = 0; p < prefixes.length; p++) if (term.lastIndexOf(prefixes[p], 0) === 0) return true
      return false
    }
  }

  /*
   * The postings of one field of a shard entry as typed arrays, in the order written (ShardWriter in C#):
   * groups of one weight, weights ascending, each as the weight in thousandths (difference from the
   * previous group's), the number of documents, then the documents ascending (differences). Decoded in one
   * pass over the characters into { documents, ends: where each group's documents end, weights: each
   * group's weight }; the first query runs this code cold, so every pass over the postings counts.
   */
  function decodePostings(text) {
    var documents = new Int32Array(text.length), ends = [], weights = []
    var at = 0, value = 0, thousandths = 0, left = 0, expectWeight = true, doc = 0
    for (var i = 0; i < text.length; i++) {
      var digit = digitOf[text.charCodeAt(i)]
      if (digit >= lastDigits) { value = value * earlierDigits + (digit - lastDigits); continue }
      var number = value * lastDigits + digit
      value = 0
      if (left > 0) {
        doc += number
        documents[at++] = doc
        if (--left === 0) ends.push(at)
      } else if (expectWeight) {
        thousandths += number
        weights.push(thousandths / 1000)
        expectWeight = false
      } else {
        left = number
        doc = 0
        expectWeight = true
        if (left === 0) ends.push(at)
      }
    }
    return { documents: documents.subarray(0, at), ends: ends, weights: weights }
  }

  // The reachable terms of the given shards: term -> { index, postings(field) }, and their lunr.TokenSet.
  function reachableTerms(manifest, shardIds, reachable) {
    var fieldCount = manifest.fields.length, stride = 2 + fieldCount, entries = Object.create(null)
    var builder = new lunr.TokenSet.Builder, ids = shardIds.slice().sort(function (x, y) { return x - y })
    for (var s = 0; s < ids.length; s++) {
      var data = received.shard[ids[s]]
      if (!data) throw new Error("search shard " + ids[s] + " is not loaded")
      for (var p = 0; p < data.length; p += stride) {
        if (!reachable(data[p])) continue
        entries[data[p]] = { index: data[p + 1], data: data, at: p + 2, decoded: [] }
        builder.insert(data[p])
      }
    }
    builder.finish()
    return { entries: entries, tokenSet: builder.root }
  }

  function postingsOf(entry, field) {
    return entry.decoded[field] || (entry.decoded[field] = decodePostings(entry.data[entry.at + field]))
  }

  /*
   * lunr 2.3.9's results for a query (Index.prototype.query over the merged index), computed from the
   * postings with typed arrays instead of lunr's objects per posting: the same clause loop (pipeline, the
   * TokenSet expansion over the same terms, required, prohibited, boosts summed into per-field query
   * vectors), each field's score as dot(queryVector, fieldVector) / |queryVector| || 0 with the products
   * added in ascending term index as lunr.Vector.dot adds them, a document's field scores added in the order
   * its field refs first matched, and ties kept in the order documents first matched (lunr's results
   * before its stable sort). Returns { total, top: the best `count` results, like lunr's, terms: the index
   * terms that scored }, or null for the queries it leaves to lunr: negated ones and those that reach every
   * shard (edit distance, leading "*").
   *
   * In three steps, each a tight loop of its own (the first query runs this code cold, interpreted): one
   * pass over the postings adds every result's score in another order (sums); only the results whose sum can
   * make the page (candidatesFor) get their exact score, tie order and matched terms, from a second pass
   * that looks at nothing else (candidateDetails). `early`, when given, hears of the likely page as soon as
   * the first pass knows it (see likelyPage), so the page's display files can load during the second.
   */
  function fastSearch(manifest, shardIds, query, count, early) {
    var targets = queryTargets(query)
    if (query.isNegated()) return null
    for (var t = 0; t < targets.length; t++) if (targets[t].all) return null
    var documentCount = manifest.documentCount
    var plan = planOf(manifest.fields, query, reachableTerms(manifest, shardIds, reachableBy(targets)), documentCount)
    if (plan === null) return null
    var magnitudes = magnitudesOf(plan.queryVectors), hits = sumsOf(plan, magnitudes, documentCount)
    var results = plan.requiredNone ? new Int32Array(0) : plan.filtered ? resultsAmong(hits.matched, plan) : hits.matched
    var candidates = candidatesFor(results, hits, count)
    if (early && candidates.length <= 2 * count) early({ terms: plan.scoredTerms, total: results.length, refs: likelyPage(candidates, hits.sums, count) })
    var details = candidateDetails(candidates, plan, hits)
    var scores = details.map(function (found) { return exactScore(found, magnitudes) }), order = Object.keys(details).map(Number)
    order.sort(function (x, y) {
      return scores[y] - scores[x] || details[x].firstMatch - details[y].firstMatch || candidates[x] - candidates[y]
    })
    var top = order.slice(0, count).map(function (slot) {
      return { ref: String(candidates[slot]), score: scores[slot], matchData: { metadata: details[slot].metadata } }
    })
    return { total: results.length, top: top, terms: plan.scoredTerms }
  }

  /*
   * The clause loop of lunr's query, without scoring: the per-field query vectors (boosts summed by term
   * index), each (term, field) pair that scores, once, in the order lunr first meets it (combos), and the
   * documents prohibited or holding each required clause. Null when a required clause has no term at all.
   */
  function planOf(fields, query, terms, documentCount) {
    var presence = lunr.Query.presence, pipeline = searchPipeline()
    var queryVectors = fields.map(function () { return Object.create(null) }), combos = [], seen = Object.create(null), scoredTerms = []
    var prohibited = new Uint8Array(documentCount), requiredHits = new Int32Array(documentCount), clauseStamp = new Int32Array(documentCount)
    var requiredClauses = 0, requiredNone = false, filtered = false

    for (var c = 0; c < query.clauses.length; c++) {
      var clause = query.clauses[c], clauseDocuments = []
      var isRequired = clause.presence === presence.REQUIRED, isProhibited = clause.presence === presence.PROHIBITED
      var clauseTerms = clause.usePipeline ? pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term]
      if (isRequired && clauseTerms.length === 0) return null
      filtered = filtered || isRequired || isProhibited
      for (var m = 0; m < clauseTerms.length; m++) {
        var expanded = terms.tokenSet.intersect(lunr.TokenSet.fromString(clauseTerms[m])).toArray()
        if (expanded.length === 0 && isRequired) { requiredNone = true; break }
        for (var j = 0; j < expanded.length; j++) {
          var entry = terms.entries[expanded[j]]
          for (var k = 0; k < clause.fields.length; k++) {
            var field = fields.indexOf(clause.fields[k]), postings = postingsOf(entry, field), documents = postings.documents
            if (isRequired) {
              for (var r = 0; r < documents.length; r++) {
                if (clauseStamp[documents[r]] !== c + 1) { clauseStamp[documents[r]] = c + 1; clauseDocuments.push(documents[r]) }
              }
            }
            if (isProhibited) {
              for (var x = 0; x < documents.length; x++) prohibited[documents[x]] = 1
              continue
            }
            var vector = queryVectors[field]
            vector[entry.index] = vector[entry.index] === undefined ? clause.boost : vector[entry.index] + clause.boost
            var termField = expanded[j] + "/" + clause.fields[k]
            if (seen[termField]) continue
            seen[termField] = true
            if (scoredTerms.indexOf(expanded[j]) < 0) scoredTerms.push(expanded[j])
            combos.push({ term: expanded[j], field: field, index: entry.index, postings: postings })
          }
        }
      }
      if (isRequired) {
        requiredClauses++
        for (var h = 0; h < clauseDocuments.length; h++) requiredHits[clauseDocuments[h]]++
      }
    }
    return {
      queryVectors: queryVectors, combos: combos, scoredTerms: scoredTerms, requiredNone: requiredNone, filtered: filtered,
      prohibited: prohibited, requiredHits: requiredHits, requiredClauses: requiredClauses
    }
  }

  /*
   * One pass over the postings that score: matched, every document they hold in the order first met, and
   * sums, per document, its score added in another order and in whole units: each product boost × weight
   * divided by its field's |queryVector|, scaled so that no sum exceeds 2^29 and rounded down. The first
   * query runs this loop cold (interpreted), where every fractional number is a fresh heap object: whole
   * numbers this small are not, so the loop over every posting allocates nothing. A group of postings
   * shares one weight, so one share serves the whole group. Each sum is within `slack` units of its exact
   * score × scale (see candidatesFor). The postings are numbered from 1 across the combinations (combo c's
   * from firsts[c]) and each document's are chained, last first (lastPosting, previousPosting), so that
   * candidateDetails finds a candidate's postings without a second pass over them all.
   */
  function sumsOf(plan, magnitudes, documentCount) {
    var combos = plan.combos, scales = [], firsts = [], largest = 0, numbered = 0
    for (var s = 0; s < combos.length; s++) {
      var magnitude = magnitudes[combos[s].field], weights = combos[s].postings.weights
      // With every boost 0 a field's scores are 0/0, which lunr counts as 0.
      scales.push(plan.queryVectors[combos[s].field][combos[s].index] / (magnitude === 0 ? Infinity : magnitude))
      if (weights.length > 0) largest += Math.abs(scales[s] * weights[weights.length - 1])
      firsts.push(numbered + 1)
      numbered += combos[s].postings.documents.length
    }
    var sums = new Int32Array(documentCount), matched = new Int32Array(documentCount), matchedCount = 0
    var lastPosting = new Int32Array(documentCount), previousPosting = new Int32Array(numbered + 1)
    var unit = largest > 0 ? 536870912 / largest : 1
    numbered = 0
    for (var c = 0; c < combos.length; c++) {
      var postings = combos[c].postings, documents = postings.documents, ends = postings.ends
      for (var g = 0, p = 0; g < ends.length; g++) {
        var share = Math.floor(scales[c] * postings.weights[g] * unit)
        for (var end = ends[g]; p < end; p++) {
          var doc = documents[p], last = lastPosting[doc]
          sums[doc] += share
          if (last === 0) matched[matchedCount++] = doc
          previousPosting[++numbered] = last
          lastPosting[doc] = numbered
        }
      }
    }
    return {
      sums: sums, matched: matched.subarray(0, matchedCount), slack: combos.length + 1,
      firsts: firsts, lastPosting: lastPosting, previousPosting: previousPosting
    }
  }

  // The matched documents no prohibited clause excludes and every required clause holds, in first-match order.
  function resultsAmong(matched, plan) {
    var results = new Int32Array(matched.length), total = 0
    for (var i = 0; i < matched.length; i++) {
      var doc = matched[i]
      if (plan.prohibited[doc] === 0 && plan.requiredHits[doc] === plan.requiredClauses) results[total++] = doc
    }
    return results.subarray(0, total)
  }

  /*
   * The results that can be among the best `count`: those whose sum (see sumsOf) is within 2 × slack units
   * of the count-th best sum. At least `count` results have a sum >= that sum, so exact scores within one
   * slack of it, and every result on the page or tied with its last has an exact score at least that high,
   * so a sum within two slacks: only these few need their exact score. They are found in one pass keeping
   * the best 2 × count in a short sorted list, rather than a sort of every sum; only when the last of the
   * list is within the margin too (many ties) are all looked at again.
   */
  function candidatesFor(results, hits, count) {
    if (results.length <= count) return results
    var sums = hits.sums, kept = 2 * count, bestSums = new Int32Array(kept).fill(-1073741824), bestDocs = new Int32Array(kept)
    var lowestKept = -1073741824
    for (var i = 0; i < results.length; i++) {
      var sum = sums[results[i]]
      if (sum <= lowestKept) continue
      var at = kept - 1
      for (; at > 0 && bestSums[at - 1] < sum; at--) { bestSums[at] = bestSums[at - 1]; bestDocs[at] = bestDocs[at - 1] }
      bestSums[at] = sum
      bestDocs[at] = results[i]
      lowestKept = bestSums[kept - 1]
    }
    var low = bestSums[count - 1] - 2 * hits.slack, candidates = []
    if (lowestKept >= low) {
      for (var k = 0; k < results.length; k++) if (sums[results[k]] >= low) candidates.push(results[k])
    } else {
      for (var b = 0; bestSums[b] >= low; b++) candidates.push(bestDocs[b])
    }
    return candidates
  }

  // The candidates with the best sums, best first, as refs: the page, but for ties and the order of equal
  // sums, which only the exact scores settle. (With more than a few ties the page is not guessed.)
  function likelyPage(candidates, sums, count) {
    var best = Array.prototype.slice.call(candidates).sort(function (x, y) { return sums[y] - sums[x] })
    return best.slice(0, count).map(String)
  }

  /*
   * Per candidate (by its place in candidates): the number of the combination (term, field) it first
   * matched in (lunr keeps ties in that order), the fields it matched in the order first matched (lunr adds
   * a document's field scores in that order), its matched terms as lunr's metadata keys, and the products
   * boost × weight as [field, term index, product]. From each candidate's chain of postings (see sumsOf).
   */
  function candidateDetails(candidates, plan, hits) {
    var combos = plan.combos, details = []
    for (var i = 0; i < candidates.length; i++) {
      var found = { firstMatch: 0, fields: [], metadata: {}, products: [] }, numbers = []
      for (var n = hits.lastPosting[candidates[i]]; n !== 0; n = hits.previousPosting[n]) numbers.push(n)
      for (var k = numbers.length - 1; k >= 0; k--) {
        // Combinations without postings share their first number with the next: the last that starts there holds it.
        var c = rangeOf(hits.firsts, numbers[k]), combo = combos[c], ends = combo.postings.ends, p = numbers[k] - hits.firsts[c]
        // Its group is the first that ends after it.
        var g = ends[0] > p ? 0 : rangeOf(ends, p) + 1
        if (found.firstMatch === 0) found.firstMatch = c + 1
        if (found.fields.indexOf(combo.field) < 0) found.fields.push(combo.field)
        found.metadata[combo.term] = {}
        found.products.push([combo.field, combo.index, plan.queryVectors[combo.field][combo.index] * combo.postings.weights[g]])
      }
      details.push(found)
    }
    return details
  }

  // A candidate's score as lunr adds it: per field, dot(queryVector, fieldVector) with the products in
  // ascending term index, divided by |queryVector| (0/0 counting as 0), in the order the fields first matched.
  function exactScore(found, magnitudes) {
    var products = found.products.sort(function (x, y) { return x[1] - y[1] }), score = 0
    for (var f = 0; f < found.fields.length; f++) {
      var field = found.fields[f], dot = 0
      for (var i = 0; i < products.length; i++) if (products[i][0] === field) dot += products[i][2]
      score = f === 0 ? dot / magnitudes[field] || 0 : score + (dot / magnitudes[field] || 0)
    }
    return score
  }

  // |queryVector| per field, as lunr.Vector.magnitude sums the squares (in ascending term index).
  function magnitudesOf(queryVectors) {
    return queryVectors.map(function (vector) {
      var indexes = Object.keys(vector).map(Number).sort(function (x, y) { return x - y }), sumOfSquares = 0
      for (var i = 0; i < indexes.length; i++) sumOfSquares += vector[indexes[i]] * vector[indexes[i]]
      return Math.sqrt(sumOfSquares)
    })
  }

  // The index term a word of display text becomes when indexed (trimmer, then stemmer; lowercased first
  // like lunr's tokenizer), or "" for a stop word, so the browser can mark matched words itself. Remembered
  // per word: a page of snippets meets the same words many times, and the stemmer is costly cold.
  var indexTerms = Object.create(null)
  function indexTermOf(word) {
    var known = indexTerms[word]
    if (known !== undefined) return known
    var token = lunr.trimmer(new lunr.Token(word.toLowerCase(), {}))
    return indexTerms[word] = lunr.stopWordFilter(token) === undefined ? "" : lunr.stemmer(token).toString()
  }

  /*
   * Splits text into runs for display: [{text, match}], match true where the word's index term is one of
   * matchedTerms, keeping a window of about `around` words either side of the first match.
   */
  function snippet(text, matchedTerms, around) {
    // lunr's stemmer keeps a word's first character, so only words starting like a matched term are stemmed.
    var firstCharacters = {}
    for (var term in matchedTerms) firstCharacters[term.charAt(0)] = true
    // Words past the window are looked at only to know that some follow: the window is all that is shown.
    var pieces = text.split(/([\s\-]+)/), words = [], first = -1, span = 2 * around
    for (var i = 0; i < pieces.length; i++) {
      if (pieces[i] === "") continue
      if (first >= 0 && words.length > Math.max(0, first - around) + span) break
      var isSpace = /^[\s\-]+$/.test(pieces[i])
      var trimmed = isSpace ? "" : pieces[i].toLowerCase().replace(/^\W+/, "").replace(/\W+$/, "")
      var match = firstCharacters[trimmed.charAt(0)] === true && matchedTerms[indexTermOf(pieces[i])] === true
      if (match && first < 0) first = words.length
      words.push({ text: pieces[i], match: match })
    }
    var start = Math.max(0, (first < 0 ? 0 : first) - around), end = Math.min(words.length, start + span)
    start = Math.max(0, Math.min(start, end - span))
    var runs = []
    if (start > 0) runs.push({ text: "… ", match: false })
    for (var k = start; k < end; k++) {
      var last = runs[runs.length - 1]
      if (!words[k].match && last && !last.match && last.text !== "… ") last.text += words[k].text
      else runs.push({ text: words[k].text, match: words[k].match })
    }
    if (end < words.length) runs.push({ text: " …", match: false })
    return runs
  }

  // First document number and display name of each transcript, from search/documents.js (turn counts and
  // names per transcript).
  var transcripts = null
  function transcriptsOf(documents) {
    if (transcripts === null) {
      var counts = decodeNumbers(documents.turns), sum = 0
      transcripts = { starts: [], names: decodeNumbers(documents.names) }
      for (var i = 0; i < counts.length; i++) { transcripts.starts.push(sum); sum += counts[i] }
    }
    return transcripts
  }

  /*
   * Where a document's display data lives: display files hold `chunk` consecutive turns of one transcript
   * (search/dN-C.js, N the transcript's name, stable when other transcripts come and go), so
   * { id: "N-C", turn: place in the file }.
   */
  function displayOf(documents, documentNumber) {
    var found = transcriptsOf(documents), starts = found.starts, low = 0, high = starts.length - 1
    while (low < high) {
      var middle = (low + high + 1) >> 1
      if (starts[middle] <= documentNumber) low = middle
      else high = middle - 1
    }
    var local = documentNumber - starts[low]
    return { id: found.names[low] + "-" + Math.floor(local / documents.chunk), turn: local % documents.chunk }
  }

  /*
   * The top results file (search/tN.js, see TopResultsWriter in C#) of a query whose results all come from
   * one index term held by at least documents.top documents, or null: N is the term's FNV-1a hash (32 bits,
   * UTF-16 code units) in hexadecimal, as the C# writer names it.
   */
  function topResultsPath(documents, fast) {
    if (fast.terms.length !== 1 || fast.total < documents.top) return null
    var term = fast.terms[0], hash = 2166136261
    for (var i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 16777619) >>> 0
    return "search/t" + ("0000000" + hash.toString(16)).slice(-8) + ".js"
  }

  // What a result shows: { page, title, turn: [anchor, speaker, section, text] }, from a top results file or a
  // display file, or null while neither holding it has arrived. Top results files list their results by place
  // among the display files ("N-C/T"), which stays when other transcripts gain or lose turns.
  function displayData(documents, documentNumber) {
    var place = displayOf(documents, documentNumber), placeName = place.id + "/" + place.turn
    for (var term in received.top) {
      var top = received.top[term], at = top.places.indexOf(placeName)
      if (at >= 0) return { page: top.turns[at][0], title: top.turns[at][1], turn: top.turns[at].slice(2) }
    }
    var chunk = received.display[place.id]
    return chunk === undefined ? null : { page: chunk.page, title: chunk.title, turn: chunk.turns[place.turn] }
  }

  function matchedTermsOf(result) {
    var terms = {}, metadata = result.matchData.metadata
    for (var term in metadata) terms[term] = true
    return terms
  }

  return {
    received: received,
    loaded: loaded,
    decodeNumbers: decodeNumbers,
    parseQuery: parseQuery,
    groupsForQuery: groupsForQuery,
    shardsForQuery: shardsForQuery,
    queryTargets: queryTargets,
    reachableBy: reachableBy,
    decodePostings: decodePostings,
    fastSearch: fastSearch,
    indexTermOf: indexTermOf,
    snippet: snippet,
    displayOf: displayOf,
    topResultsPath: topResultsPath,
    displayData: displayData,
    matchedTermsOf: matchedTermsOf
  }
})()
