#!/usr/bin/env node
// Runs Electronegativity through its own API and writes its findings as the CLI's CSV would,
// plus the files it could not parse:
//
//   node tools/electronegativity/scan.cjs <input dir> <electron version> <out.csv> <errors.json>
//
// Why not the CLI's `-o out.csv`: it writes the header and the rows with two concurrent
// fs.writeFile calls, so a row can be lost or overwritten, and it reports unparsable files only
// on the console. A security gate reading that file could pass with findings missing. Here the
// CSV is written in one synchronous call, and parse errors go to a file of their own.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

async function main() {
  const [input, electronVersion, csvFile, errorsFile] = process.argv.slice(2);
  if (!input || !electronVersion || !csvFile || !errorsFile) {
    console.error('usage: scan.cjs <input dir> <electron version> <out.csv> <errors.json>');
    process.exit(2);
  }
  const electronegativity = require('@doyensec/electronegativity');
  const run = electronegativity.default || electronegativity;
  const result = await run(
    {
      input: path.resolve(input),
      isRelative: true,
      // Its own detection reads package.json files; ours are not in the scanned folder.
      electronVersionOverride: electronVersion,
      customScan: [],
      excludeFromScan: [],
      parserPlugins: [],
    },
    false,
  );

  const quote = (value) => (value === undefined || value === null ? 'N/A' : `"${String(value).replace(/"/g, '""')}"`);
  const rows = result.issues.map((issue) =>
    [
      issue.id,
      quote(issue.severity.name),
      quote(issue.confidence.name),
      quote(issue.file),
      quote(`${issue.location.line}:${issue.location.column}`),
      quote(issue.sample),
      quote(issue.description),
      `https://github.com/doyensec/electronegativity/wiki/${issue.id}`,
    ].join(','),
  );
  const header = 'issue, severity, confidence, filename, location, sample, description, url';
  fs.writeFileSync(csvFile, [header, ...rows, ''].join('\n'));
  fs.writeFileSync(
    errorsFile,
    `${JSON.stringify(
      {
        checks: { global: result.globalChecks, atomic: result.atomicChecks },
        issues: result.issues.length,
        errors: result.errors.map((error) => ({
          file: path.relative(path.resolve(input), error.file),
          message: error.message,
          tolerable: error.tolerable,
        })),
      },
      null,
      2,
    )}\n`,
  );
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
