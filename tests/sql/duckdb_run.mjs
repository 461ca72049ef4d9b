// Runs planc's generated SQL in DuckDB for tests/sql.sh (npm @duckdb/node-api):
//   node tests/sql/duckdb_run.mjs PLAN.sql RESULTS.csv PERIOD [QUERY]
// loads the script, reads the results CSV into the results table by column name (as
// docs/warehouse.md shows), and prints the ratings of PERIOD as CSV, numbers with every digit.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';

const [script, results, period, asked] = process.argv.slice(2);
if (!period) {
    console.error('usage: node tests/sql/duckdb_run.mjs PLAN.sql RESULTS.csv PERIOD');
    process.exit(2);
}
const quote = (s) => "'" + s.replaceAll("'", "''") + "'";
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
await db.run(readFileSync(script, 'utf8'));
const cols = (await db.runAndReadAll(`SELECT column_name FROM (DESCRIBE results)`)).getRows().map((r) => r[0]);
// the header's names matched in any case (a benchmark's "benchmark:ID" too), a BOM dropped; the rows
// read by position into c1..cN
const header = readFileSync(results, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0]
    .split(',').map((c) => c.replaceAll('"', '').toLowerCase());
const names = header.map((_, i) => `'c${i + 1}'`).join(', ');
const column = (c) => cols.find((k) => k.toLowerCase() === c);
const both = header.map((c, i) => [column(c), `c${i + 1}`]).filter(([c]) => c !== undefined);
const ident = (s) => '"' + s.replaceAll('"', '""') + '"';
await db.run(`INSERT INTO results (${both.map(([c]) => ident(c)).join(', ')}) SELECT ${both.map(([, s]) => s).join(', ')}
    FROM read_csv(${quote(results)}, header = false, skip = 1, all_varchar = true, names = [${names}])`);
// the query tests/sql.sh gives (the same as for the other engines), else the ratings of PERIOD
const query = asked ||
    `SELECT ref, id, period, target, CAST(result AS VARCHAR) AS result, status, rating,
        rating_label, CAST(percent AS VARCHAR) AS percent, dot, overridden FROM ratings WHERE report_period = ${quote(period)} ORDER BY ix`;
const reader = await db.runAndReadAll(query);
const field = (v) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) ? '"' + s.replaceAll('"', '""') + '"' : s;
};
const lines = [reader.columnNames().join(',')];
for (const row of reader.getRows()) lines.push(row.map(field).join(','));
process.stdout.write(lines.join('\n') + '\n');
