// The same ratings and directions of travel as bench/rate.sql, run by DuckDB (npm @duckdb/node-api):
// the alternative a performance team with a CSV and SQL would reach for.  Used by bench/run:
//   node bench/duckdb.mjs RESULTS.csv TARGETS.csv PERIOD OUT.csv
// Loads both CSV files, rates, and writes ref,rating,dot to OUT.csv; prints DuckDB's own seconds
// (load + rate + write, without Node's start-up) on stdout.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const [results, targets, period, out] = process.argv.slice(2);
if (!out) {
    console.error('usage: node bench/duckdb.mjs RESULTS.csv TARGETS.csv PERIOD OUT.csv');
    process.exit(2);
}
const quote = (s) => "'" + s.replaceAll("'", "''") + "'";
// rate.sql is written for SQLite with a :period parameter; the text is standard enough for DuckDB
// once the parameter is a literal.
const rate = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'rate.sql'), 'utf8')
    .replaceAll(':period', quote(period));

const t0 = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
await db.run(`CREATE TABLE results AS SELECT * FROM read_csv(${quote(results)}, header = true,
    columns = {'ref': 'VARCHAR', 'period': 'VARCHAR', 'value': 'DOUBLE'})`);
await db.run(`CREATE TABLE targets AS SELECT * FROM read_csv(${quote(targets)}, header = true,
    columns = {'ref': 'VARCHAR', 'year': 'VARCHAR', 'target': 'DOUBLE', 'polarity': 'VARCHAR', 'tolerance': 'DOUBLE'})`);
await db.run(rate);
await db.run(`COPY (SELECT ref, rating, dot FROM rated ORDER BY ref) TO ${quote(out)} (HEADER false)`);
console.log(((performance.now() - t0) / 1000).toFixed(2));
