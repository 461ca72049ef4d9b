// planc lsp through the protocol library VS Code's own client is built on (vscode-jsonrpc and
// vscode-languageserver-protocol, from editors/vscode/node_modules), for tests/editors.sh:
//
//     node tests/editors/protocol.js PLANC DOCDIR
//
// Spawns `PLANC lsp`, initializes, opens tests/lsp/files/main.plan with a mistake (`measures oo`),
// asserts the diagnostic's range, code, codeDescription (DOCDIR/diagnostics.md#E012) and message,
// fixes the mistake with an incremental change and sees the diagnostic go, then shuts down and checks
// that the server exits with 0.  Prints "ok: ..." lines; exits non-zero on the first failure.
'use strict';
const assert = require('assert/strict');
const cp = require('child_process');
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');
const { pathToFileURL } = require('url');

const root = path.resolve(__dirname, '..', '..');
const extRequire = createRequire(path.join(root, 'editors', 'vscode', 'package.json'));
const rpc = extRequire('vscode-jsonrpc/node');
const lsp = extRequire('vscode-languageserver-protocol');

const [planc, docdir] = process.argv.slice(2);
const file = path.join(root, 'tests', 'lsp', 'files', 'main.plan');
const uri = pathToFileURL(file).href;
const text = fs.readFileSync(file, 'utf8').replace(/measures o$/m, 'measures oo');

// The next publishDiagnostics for uri with the given version, within a bound generous enough for a
// sanitizer build on a busy machine.
function diagnosticsFor(connection, version) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version}`)), 20000);
        const sub = connection.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
            if (p.uri === uri && p.version === version) {
                clearTimeout(timer);
                sub.dispose();
                resolve(p.diagnostics);
            }
        });
    });
}

async function main() {
    const server = cp.spawn(planc, ['lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => server.on('exit', (code, signal) => resolve({ code, signal })));
    const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout),
                                                   new rpc.StreamMessageWriter(server.stdin));
    connection.listen();

    const init = await connection.sendRequest(lsp.InitializeRequest.type, {
        processId: process.pid, rootUri: pathToFileURL(path.dirname(file)).href, capabilities: {},
        clientInfo: { name: 'tests/editors/protocol.js' },
    });
    assert.equal(init.serverInfo.name, 'planc');
    assert.equal(init.capabilities.textDocumentSync.change, lsp.TextDocumentSyncKind.Incremental);
    await connection.sendNotification(lsp.InitializedNotification.type, {});
    console.log('ok: initialize');

    const opened = diagnosticsFor(connection, 1);
    await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type,
                                      { textDocument: { uri, languageId: 'plan', version: 1, text } });
    const e012 = (await opened).filter((d) => d.code === 'E012');
    assert.equal(e012.length, 1, 'one E012');
    assert.deepEqual(e012[0].range, { start: { line: 11, character: 21 }, end: { line: 11, character: 23 } });
    assert.equal(e012[0].severity, lsp.DiagnosticSeverity.Error);
    assert.equal(e012[0].message, "unknown outcome 'oo'; did you mean 'o'?");
    assert.equal(e012[0].source, 'planc');
    assert.equal(e012[0].codeDescription.href, pathToFileURL(path.join(docdir, 'diagnostics.md')).href + '#E012');
    console.log('ok: the diagnostic (range, code, codeDescription, message)');

    const fixed = diagnosticsFor(connection, 2);
    await connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 11, character: 22 }, end: { line: 11, character: 23 } }, text: '' }],
    });
    assert.deepEqual((await fixed).filter((d) => d.severity === lsp.DiagnosticSeverity.Error), []);
    console.log('ok: an incremental change clears it');

    await connection.sendRequest(lsp.ShutdownRequest.type);
    await connection.sendNotification(lsp.ExitNotification.type);
    const { code, signal } = await exited;
    assert.equal(signal, null);
    assert.equal(code, 0);
    connection.dispose();
    console.log('ok: shutdown and exit, status 0');
}

main().catch((err) => {
    console.error(`FAIL: ${err.stack || err}`);
    process.exit(1);
});
