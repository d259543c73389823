// Rows, primary keys and foreign keys of Data Packages, checked with an
// implementation independent of planpress: the npm "datapackage" library
// (Frictionless JS, v1 semantics).  Adapted from
// shared/tools/validate/datapackage-data-check.js.
//   node datapackage-data.js DIR...     (each DIR holds a datapackage.json)
// For each DIR prints its problems as "DIR: ..." lines, then "ok DIR" or
// "FAIL DIR".  Exit 1 if a DIR failed.
//  - the descriptor is checked against the library's bundled v1 profiles;
//  - every row of each local CSV/TSV (or inline tabular) resource is cast
//    against its Table Schema, with the unique and primary key checks
//    (XLSX and JSON resources are not read: the library reads CSV only;
//    remote URLs would need the network);
//  - foreign keys are checked here, over the rows the library cast: the
//    library's own relation check fails on a self-reference ("resource":
//    "") with "Data source parsing error", and on a reference to a
//    resource that is not in the package with a TypeError.  A reference to
//    a resource not in the package is a problem (Table Schema: the
//    resource must be in the same package).
'use strict';
const path = require('path');
const { Package } = require('datapackage');

const READABLE = new Set(['csv', 'tsv']);
const MAX = 20;

function readable(r) {
  const d = r.descriptor;
  if (d.data !== undefined) return r.tabular;
  if (r.remote) return false;
  const paths = Array.isArray(d.path) ? d.path : [d.path];
  return paths.every((p) => typeof p === 'string' &&
    READABLE.has(path.extname(p).slice(1).toLowerCase()));
}

const list = (x) => (Array.isArray(x) ? x : x === undefined ? [] : [x]);
const oneLine = (s) => String(s).replace(/\s+/g, ' ');
const norm = (v) => (v instanceof Date ? v.toISOString()
  : v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v));
const isError = (row) => !!row && !Array.isArray(row) &&
  typeof row.message === 'string' && row.rowNumber !== undefined;

async function check(dir) {
  const problems = [];
  const add = (p) => problems.push(oneLine(p));
  let pkg;
  try {
    pkg = await Package.load(path.join(dir, 'datapackage.json'),
      { basePath: dir });
  } catch (e) {
    return [`cannot load: ${oneLine(e.message)}`];
  }
  if (!pkg.valid) pkg.errors.forEach((e) => add(`descriptor: ${e.message}`));

  // Cast every readable resource once: name -> [{line, row}] of good rows.
  const rowsOf = new Map();
  for (const r of pkg.resources) {
    if (!r.valid) r.errors.forEach((e) => add(`${r.name}: descriptor: ${e.message}`));
    if (!readable(r)) continue;
    let rows;
    try {
      // forceCast: a failing row (cast, unique, primary key) comes back
      // as the error in place of the row.
      rows = await r.read({ keyed: true, forceCast: true });
    } catch (e) {
      add(`${r.name}: ${e.message}` + (/parsing error/.test(e.message)
        ? ' (the CSV does not parse: see opendata-csv)' : ''));
      continue;
    }
    const errs = [];
    const good = [];
    rows.forEach((row, i) => {
      if (isError(row)) {
        const sub = row.errors && row.errors.length ? row.errors : [row];
        sub.forEach((e) => errs.push(`${r.name} row ${row.rowNumber}: ${e.message}`));
      } else {
        good.push({ line: i + 2, row });
      }
    });
    errs.slice(0, MAX).forEach(add);
    if (errs.length > MAX) add(`${r.name}: ... ${errs.length - MAX} more row errors`);
    rowsOf.set(r.name, good);
  }

  // Foreign keys.
  const names = new Set(pkg.resources.map((r) => r.name));
  for (const r of pkg.resources) {
    const fks = (r.descriptor.schema && typeof r.descriptor.schema === 'object')
      ? list(r.descriptor.schema.foreignKeys) : [];
    for (const fk of fks) {
      const fields = list(fk.fields);
      const ref = fk.reference || {};
      const target = ref.resource === '' || ref.resource === undefined ? r.name : ref.resource;
      const refFields = list(ref.fields);
      const label = `foreign key [${fields}] -> ${ref.resource === '' ? '(this resource)' : target}[${refFields}]`;
      if (!names.has(target)) {
        add(`${r.name}: ${label}: no resource "${target}" in this package`);
        continue;
      }
      if (!rowsOf.has(r.name) || !rowsOf.has(target)) continue; // not read: said above
      const keys = new Set(rowsOf.get(target).map(({ row }) =>
        JSON.stringify(refFields.map((f) => norm(row[f])))));
      const errs = [];
      for (const { line, row } of rowsOf.get(r.name)) {
        const vals = fields.map((f) => row[f]);
        if (vals.every((v) => v === null || v === undefined)) continue;
        if (!keys.has(JSON.stringify(vals.map(norm))))
          errs.push(`${r.name} row ${line}: ${label}: ${vals.map(norm).join(', ')} not found`);
      }
      errs.slice(0, MAX).forEach(add);
      if (errs.length > MAX) add(`${r.name}: ... ${errs.length - MAX} more foreign key errors`);
    }
  }
  return problems;
}

(async () => {
  let failed = 0;
  for (const dir of process.argv.slice(2)) {
    let problems;
    try {
      problems = await check(dir);
    } catch (e) {
      problems = [`crashed: ${oneLine(e.message)}`];
    }
    problems.forEach((p) => console.log(`${dir}: ${p}`));
    console.log(`${problems.length ? 'FAIL' : 'ok'} ${dir}`);
    if (problems.length) failed++;
  }
  process.exit(failed ? 1 : 0);
})();
