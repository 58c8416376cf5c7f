#!/usr/bin/env node
/*
 * How many display files, and how many KB of them, the first page of a multi-word query needs under other
 * display layouts (turns per file), computed from a built site without a browser: the site's own lunr.min.js
 * and search-core.js rank each query (the fast path, as search.html does), and each turn's record size comes
 * from the site's display files. From file:// the number of files a first page needs is what its wait
 * costs (ten files asked for at once arrive together, several times later than one), and the KB count
 * against the 150 KB a first search may load: this measures both before a layout is built. KB are counted raw
 * (the records' JSON) and compressed (that JSON as raw DEFLATE, level 9, carried as base64: what a display file
 * holding compressed text would weigh). --chunks 0 stands for one file per transcript.
 * --hybrid 2,3,4 measures both layouts written at once: a page takes a transcript's whole compressed file where at
 * least that many of its results come from it, 2-turn raw files for the rest.
 *   node bench/search-layout/run.js SITE [--queries "a b|c d"] [--sample 20] [--seed 9] [--chunks 1,2,3,4,6,8,0] [--hybrid 2,3,4]
 * --sample draws that many two-term queries from the 120 index terms of plain letters held by the most turns
 * (text field; contractions such as can’t are left out).
 * --transfer prints, per query, every raw KB its first search loads as the site is (the files search.html
 * names, manifest, documents, groups, shards, and the first page's top results file or display files), against
 * issue 4's 150 KB, and nothing else.
 */
"use strict"
const fs = require("fs"), path = require("path"), vm = require("vm"), zlib = require("zlib")

function options(args) {
  const found = { site: null, queries: null, sample: 20, seed: 9, chunks: [1, 2, 3, 4, 6, 8, 0], hybrid: [2, 3, 4] }
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--queries") found.queries = args[++i].split("|")
    else if (args[i] === "--sample") found.sample = Number(args[++i])
    else if (args[i] === "--seed") found.seed = Number(args[++i])
    else if (args[i] === "--chunks") found.chunks = args[++i].split(",").map(Number)
    else if (args[i] === "--hybrid") found.hybrid = args[++i].split(",").map(Number)
    else if (args[i] === "--transfer") found.transfer = true
    else found.site = args[i]
  }
  if (!found.site) throw new Error("usage: node bench/search-layout/run.js SITE [--queries \"a b|c d\"] [--sample N] [--seed N] [--chunks 1,2,4]")
  return found
}

const settings = options(process.argv.slice(2))
const context = vm.createContext({})
const load = file => vm.runInContext(fs.readFileSync(path.join(settings.site, file), "utf8"), context, { filename: file })
for (const file of ["assets/js/lunr.min.js", "assets/js/search-core.js", "search/manifest.js", "search/documents.js"]) load(file)
const search = vm.runInContext("ArchiveSearch", context), lunr = vm.runInContext("lunr", context)
const manifest = search.received.manifest, documents = search.received.documents

// Each document's transcript, place in it and display record size, from the display files as written.
function turnsOf() {
  const counts = search.decodeNumbers(documents.turns), names = search.decodeNumbers(documents.names), turns = []
  for (let t = 0; t < counts.length; t++) {
    for (let chunk = 0; chunk * documents.chunk < counts[t]; chunk++) {
      load(`search/d${names[t]}-${chunk}.js`)
      const data = search.received.display[`${names[t]}-${chunk}`]
      const head = JSON.stringify({ page: data.page, title: data.title }).slice(1, -1)
      data.turns.forEach((turn, at) => turns.push({ transcript: t, place: chunk * documents.chunk + at, json: JSON.stringify(turn), head }))
    }
  }
  return turns
}

// The 120 terms of plain letters held by the most turns in the text field, paired by a seeded generator.
function sampleQueries(count, seed) {
  const text = manifest.fields.indexOf("text"), stride = 2 + manifest.fields.length, held = []
  for (let s = 0; s < manifest.shardCount; s++) {
    load(`search/s${s}.js`)
    const data = search.received.shard[s]
    for (let p = 0; p < data.length; p += stride) if (/^[a-z]+$/.test(data[p])) held.push([data[p], search.decodePostings(data[p + 2 + text]).documents.length])
  }
  const frequent = held.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, 120).map(term => term[0])
  let state = seed >>> 0
  const next = bound => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) % bound
  const queries = new Set()
  while (queries.size < Math.min(count, 120 * 119 / 2)) {
    const first = frequent[next(frequent.length)], second = frequent[next(frequent.length)]
    if (first !== second) queries.add(first + " " + second)
  }
  return [...queries]
}

function firstPage(text) {
  const query = new lunr.Query(manifest.fields)
  new lunr.QueryParser(text, query).parse()
  for (const group of search.groupsForQuery(manifest, query)) load(`search/g${group}.js`)
  const shards = search.shardsForQuery(manifest, query)
  for (const shard of shards) if (!search.received.shard[shard]) load(`search/s${shard}.js`)
  const fast = search.fastSearch(manifest, shards, query, 10)
  if (fast === null || search.topResultsPath(documents, fast) !== null) return null
  return fast.top.map(result => Number(result.ref))
}

// Raw KB of every file a first search loads, as the site is written now.
function transferOf(text) {
  const size = file => fs.statSync(path.join(settings.site, file)).size
  const html = fs.readFileSync(path.join(settings.site, "search.html"), "utf8")
  const files = new Set(["search.html", "search/manifest.js", "search/documents.js"])
  for (const found of html.matchAll(/(?:src|href)="([^"#?]+\.(?:js|css))"/g)) files.add(found[1])
  const query = new lunr.Query(manifest.fields)
  new lunr.QueryParser(text, query).parse()
  for (const group of search.groupsForQuery(manifest, query)) { files.add(`search/g${group}.js`); load(`search/g${group}.js`) }
  const shards = search.shardsForQuery(manifest, query)
  for (const shard of shards) { files.add(`search/s${shard}.js`); if (!search.received.shard[shard]) load(`search/s${shard}.js`) }
  const fast = search.fastSearch(manifest, shards, query, 10), top = fast && search.topResultsPath(documents, fast)
  if (top) files.add(top)
  else if (fast) for (const result of fast.top) files.add(`search/d${search.displayOf(documents, Number(result.ref)).id}.js`)
  const kinds = {}
  for (const file of files) {
    const kind = /search\/s\d/.test(file) ? "shards" : /search\/d\d/.test(file) ? "display" : /search\/t/.test(file) ? "top" : "rest"
    kinds[kind] = (kinds[kind] || 0) + size(file) / 1024
  }
  return { total: Object.values(kinds).reduce((x, y) => x + y, 0), kinds }
}

const median = values => { const sorted = [...values].sort((x, y) => x - y), middle = sorted.length >> 1; return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2 }

if (settings.transfer) {
  const queries = settings.queries || sampleQueries(settings.sample, settings.seed)
  const found = queries.map(text => ({ text, ...transferOf(text) }))
  for (const query of found) console.log(`${query.text.padEnd(28)} ${query.total.toFixed(1).padStart(6)} KB raw (${Object.entries(query.kinds).map(([kind, kb]) => `${kind} ${kb.toFixed(1)}`).join(", ")})`)
  const totals = found.map(query => query.total)
  console.log(`${found.length} queries: median ${median(totals).toFixed(1)} KB, max ${Math.max(...totals).toFixed(1)} KB; ${totals.filter(kb => kb > 140).length} above 140 KB, ${totals.filter(kb => kb >= 150).length} at or above 150 KB`)
  process.exit(0)
}
const turns = turnsOf()
const queries = settings.queries || sampleQueries(settings.sample, settings.seed)
const pages = queries.map(text => ({ text, page: firstPage(text) })).filter(found => found.page !== null && found.page.length > 0)
console.log(`${pages.length} of ${queries.length} queries rank from the shards (no top results file): ${pages.map(found => found.text).join(", ")}`)
// A layout's files as lists of turns: `chunk` consecutive turns of a transcript (0: the whole transcript).
function filesOf(chunk) {
  const fileOf = new Array(turns.length), files = new Map()
  turns.forEach((turn, d) => {
    const name = `${turn.transcript}-${chunk === 0 ? 0 : Math.floor(turn.place / chunk)}`
    if (!files.has(name)) files.set(name, [])
    files.get(name).push(d)
    fileOf[d] = name
  })
  return { fileOf, files }
}

// Raw: the JSON as written now. Compressed: the same JSON deflated (raw deflate) and carried as base64.
function sizesOf(files) {
  const raw = new Map(), compressed = new Map()
  for (const [name, members] of files) {
    const json = `{${turns[members[0]].head},"turns":[${members.map(d => turns[d].json).join(",")}]}`
    raw.set(name, Buffer.byteLength(json) + 40)
    compressed.set(name, Math.ceil(zlib.deflateRawSync(json, { level: 9 }).length / 3) * 4 + 40)
  }
  return { raw, compressed }
}

for (const chunk of settings.chunks) {
  const { fileOf, files } = filesOf(chunk), sizes = sizesOf(files)
  const needs = pages.map(found => [...new Set(found.page.map(d => fileOf[d]))])
  const counts = needs.map(needed => needed.length)
  const kb = table => needs.map(needed => needed.reduce((sum, file) => sum + table.get(file), 0) / 1024)
  const raw = kb(sizes.raw), compressed = kb(sizes.compressed)
  const all = table => [...table.values()].reduce((x, y) => x + y, 0) / 1048576
  console.log(`${chunk === 0 ? "whole" : String(chunk).padStart(5)} turns per file: ${String(files.size).padStart(6)} display files (${all(sizes.raw).toFixed(1)} MB raw, ${all(sizes.compressed).toFixed(1)} MB compressed); ` +
    `a first page needs files median ${median(counts)} (max ${Math.max(...counts)}), KB raw median ${median(raw).toFixed(1)} (max ${Math.max(...raw).toFixed(1)}), ` +
    `compressed median ${median(compressed).toFixed(1)} (max ${Math.max(...compressed).toFixed(1)})`)
}

// Both layouts written: a page takes a transcript's whole file (compressed) where at least `least` of its results
// come from that transcript, and 2-turn files (raw, as now) for the rest.
const small = filesOf(2), smallSizes = sizesOf(small.files), whole = filesOf(0), wholeSizes = sizesOf(whole.files)
for (const least of settings.hybrid) {
  const needs = pages.map(found => {
    const perTranscript = new Map()
    for (const d of found.page) perTranscript.set(turns[d].transcript, (perTranscript.get(turns[d].transcript) || 0) + 1)
    const files = new Set()
    for (const d of found.page) files.add(perTranscript.get(turns[d].transcript) >= least ? "w" + whole.fileOf[d] : "s" + small.fileOf[d])
    return [...files]
  })
  const counts = needs.map(needed => needed.length)
  const kb = needs.map(needed => needed.reduce((sum, file) => sum + (file[0] === "w" ? wholeSizes.compressed.get(file.slice(1)) : smallSizes.raw.get(file.slice(1))), 0) / 1024)
  console.log(`hybrid, a transcript's whole file (compressed) for ${least}+ results of a page, else 2-turn files (raw): files median ${median(counts)} (max ${Math.max(...counts)}), ` +
    `KB median ${median(kb).toFixed(1)} (max ${Math.max(...kb).toFixed(1)}); per query: ${pages.map((found, i) => `${found.text} ${counts[i]}/${kb[i].toFixed(0)}`).join(", ")}`)
}
