// The ratings of one report period through the views planc compiles (planc compile --target sql
// --dialect duckdb), run by DuckDB (npm @duckdb/node-api); used by bench/sql_scale.sh:
//   node bench/sql_duckdb.mjs PLAN.sql RESULTS.csv PERIOD OUT.csv [DATABASE]
// In DATABASE, a DuckDB file made anew (so that 10^8 rows can spill to disk), else in memory.  Runs the script, loads the results CSV into its results table, writes ref,rating,dot of PERIOD to
// OUT.csv, and prints DuckDB's own seconds for the two steps: "load rate" (without Node's start-up).
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, rmSync } from 'node:fs';

const [script, results, period, out, file] = process.argv.slice(2);
if (!out) {
    console.error('usage: node bench/sql_duckdb.mjs PLAN.sql RESULTS.csv PERIOD OUT.csv');
    process.exit(2);
}
const quote = (s) => "'" + s.replaceAll("'", "''") + "'";
if (file) rmSync(file, { force: true });
const instance = await DuckDBInstance.create(file || ':memory:');
const db = await instance.connect();
const t0 = performance.now();
await db.run(readFileSync(script, 'utf8'));
// the results file's three columns, by name, as docs/warehouse.md loads a return
await db.run(`INSERT INTO results (ref, period, value) SELECT ref, period, value
    FROM read_csv(${quote(results)}, header = true, all_varchar = true)`);
const t1 = performance.now();
await db.run(`COPY (SELECT ref, rating, dot FROM ratings WHERE report_period = ${quote(period)}
    ORDER BY ref) TO ${quote(out)} (HEADER false)`);
const t2 = performance.now();
console.log(((t1 - t0) / 1000).toFixed(2), ((t2 - t1) / 1000).toFixed(2));
