// Validates a SARIF log (argument, or standard input) against the SARIF 2.1.0 schema that Microsoft
// publishes with @microsoft/jest-sarif.  Prints "valid" or the schema errors; exit status 0 or 1.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const schemaPath = path.join(__dirname, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas',
                             'sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
delete schema.$schema;   // draft-07 is ajv's default
// the schema names its ids in the draft-04 way ("id"); ajv wants "$id" (a property called id is an object)
(function rename(node) {
  if (!node || typeof node !== 'object') return;
  if (typeof node.id === 'string') { node.$id = node.id; delete node.id; }
  for (const k of Object.keys(node)) rename(node[k]);
})(schema);
// the schema's language pattern is not valid as a Unicode regular expression, so plain ones are used
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const text = fs.readFileSync(process.argv[2] || 0, 'utf8');
const log = JSON.parse(text);
if (validate(log)) {
  console.log('valid');
} else {
  for (const e of validate.errors) console.log(`${e.instancePath || '/'} ${e.message}`);
  process.exit(1);
}
