// Validate RDF files against SHACL shapes (rdf-validate-shacl, offline).
// Adapted from shared/tools/validate/shacl.mjs to take several data files.
//   node shacl.mjs SHAPES.ttl DATA...   (format from the extension:
//   .ttl Turtle, .jsonld JSON-LD, .nt N-Triples, .rdf RDF/XML)
// For each DATA prints its violations as "DATA: ..." lines, then
// "ok DATA" or "FAIL DATA".  Exit 1 if a file failed, 2 if the shapes
// do not load.
import rdf from '@zazuko/env-node'
import SHACLValidator from 'rdf-validate-shacl'
import { readFileSync } from 'node:fs'

const [shapesPath, ...dataPaths] = process.argv.slice(2)
let shapes
try {
  shapes = await rdf.dataset().import(rdf.fromFile(shapesPath))
} catch (e) {
  console.log(`${shapesPath}: cannot load the shapes: ${e.message}`)
  process.exit(2)
}

const short = (t) => {
  if (!t) return '-'
  if (t.termType === 'BlankNode') return '_:' + t.value
  return t.value
    .replace('http://www.w3.org/ns/dcat#', 'dcat:')
    .replace('http://purl.org/dc/terms/', 'dct:')
    .replace('http://xmlns.com/foaf/0.1/', 'foaf:')
    .replace('http://www.w3.org/2006/vcard/ns#', 'vcard:')
    .replace('http://www.w3.org/ns/shacl#', 'sh:')
}

// A JSON-LD file with a remote @context would make the parser fetch it:
// report it instead (the checks run offline, and the catalog must carry
// its context inline).
const remoteContexts = (node, out = []) => {
  if (Array.isArray(node)) node.forEach((n) => remoteContexts(n, out))
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '@context') {
        for (const c of Array.isArray(v) ? v : [v]) {
          if (typeof c === 'string') out.push(c)
          else remoteContexts(c, out)
        }
      } else remoteContexts(v, out)
    }
  }
  return out
}

let failed = 0
for (const dataPath of dataPaths) {
  const problems = []
  try {
    if (dataPath.endsWith('.jsonld')) {
      const remote = remoteContexts(JSON.parse(readFileSync(dataPath, 'utf8')))
      if (remote.length) throw new Error(`remote @context ${remote.join(', ')} (not fetched): put the context inline`)
    }
    const data = await rdf.dataset().import(rdf.fromFile(dataPath))
    if (data.size === 0) problems.push('no triples')
    const validator = new SHACLValidator(shapes, { factory: rdf })
    const report = await validator.validate(data)
    for (const r of report.results) {
      const sev = short(r.severity).replace('sh:', '')
      problems.push(`${sev}: ${short(r.focusNode)} ${short(r.path)}: ` +
        `${r.message.map((m) => m.value).join('; ') || short(r.sourceConstraintComponent)}` +
        (r.value ? ` (value ${short(r.value)})` : ''))
    }
  } catch (e) {
    problems.push(`cannot parse or validate: ${e.message}`)
  }
  for (const p of problems) console.log(`${dataPath}: ${p}`)
  console.log(`${problems.length ? 'FAIL' : 'ok'} ${dataPath}`)
  if (problems.length) failed++
}
process.exit(failed ? 1 : 0)
