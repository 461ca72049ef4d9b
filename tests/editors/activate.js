// The VS Code extension's activate() under plain node, for tests/editors.sh: a stub `vscode` module
// stands for the editor (settings, workspace folder, subscriptions), the real vscode-languageclient is
// loaded with it, and its LanguageClient is replaced by one that records what it is given.
//
//     node tests/editors/activate.js PLANC
//
// Asserts that activate() creates one client, id "planc", for the `plan` language, whose server is
// `PLANC lsp --include-dir DIR...` (planc.path and planc.includeDirs, a relative directory taken from
// the workspace folder) over stdio; then starts that command line as the client library would (it
// adds --stdio) and checks planc accepts it: initialize, shutdown, exit with 0.  Also: with
// planc.server.enable off no client is created; deactivate() stops the client.
'use strict';
const assert = require('assert/strict');
const cp = require('child_process');
const Module = require('module');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const extDir = path.join(root, 'editors', 'vscode');
const [planc] = process.argv.slice(2);
const workspace = path.join(root, 'tests', 'lsp');

let settings = {};
const subscriptions = [];
const api = {
    workspace: {
        workspaceFolders: [{ uri: { scheme: 'file', fsPath: workspace } }],
        getConfiguration: (section) => ({
            get: (key, fallback) => (`${section}.${key}` in settings ? settings[`${section}.${key}`] : fallback),
        }),
        onDidChangeConfiguration: () => ({ dispose() {} }),
    },
    commands: { registerCommand: (name) => ({ command: name, dispose() {} }) },
    window: { showErrorMessage: () => undefined },
};
// the client library extends some of vscode's classes as it loads (CompletionItem, CodeLens...):
// every other name is an empty class
const classes = {};
const vscodeStub = new Proxy(api, {
    get: (target, name) => (name in target ? target[name] : (classes[name] = classes[name] || class {})),
});
// `require('vscode')` from the extension or the client library gets the stub
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
    return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscodeStub };

const extRequire = Module.createRequire(path.join(extDir, 'package.json'));
const library = extRequire('vscode-languageclient/node');
const created = [];
library.LanguageClient = class {
    constructor(id, name, serverOptions, clientOptions) {
        Object.assign(this, { id, name, serverOptions, clientOptions, started: false, stopped: false });
        created.push(this);
    }
    start() { this.started = true; return Promise.resolve(); }
    stop() { this.stopped = true; return Promise.resolve(); }
};
const extension = extRequire('./extension.js');

// Runs the server's command line as vscode-languageclient does for TransportKind.stdio.
function runServer(run) {
    const frame = (msg) => { const body = JSON.stringify(msg); return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`; };
    const input = frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }) +
        frame({ jsonrpc: '2.0', method: 'initialized', params: {} }) +
        frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }) + frame({ jsonrpc: '2.0', method: 'exit' });
    return cp.spawnSync(run.command, [...run.args, '--stdio'], { ...run.options, input, timeout: 20000 });
}

async function main() {
    settings = { 'planc.path': planc, 'planc.includeDirs': ['files', '/tmp'] };
    const context = { subscriptions: [] };
    await extension.activate(context);
    assert.equal(created.length, 1, 'one LanguageClient');
    const client = created[0];
    assert.equal(client.id, 'planc');
    assert.ok(client.started, 'the client is started');
    assert.deepEqual(client.clientOptions.documentSelector.map((s) => s.language), ['plan', 'plan']);
    const run = client.serverOptions.run;
    assert.equal(run.command, planc);
    assert.deepEqual(run.args, ['lsp', '--include-dir', path.join(workspace, 'files'), '--include-dir', '/tmp']);
    assert.equal(run.transport, library.TransportKind.stdio);
    assert.deepEqual(client.serverOptions.debug, run);
    assert.ok(context.subscriptions.length >= 2, 'the settings listener and the restart command are disposed with it');
    console.log(`ok: activate() creates a LanguageClient for 'plan' running ${run.command} ${run.args.join(' ')}`);

    const result = runServer(run);
    assert.equal(result.status, 0, `planc lsp exits with 0 (stderr: ${result.stderr})`);
    assert.match(result.stdout.toString(), /"serverInfo"/);
    console.log('ok: planc accepts that command line (initialize, shutdown, exit 0)');

    await extension.deactivate();
    assert.ok(client.stopped, 'deactivate() stops the client');

    settings = { 'planc.server.enable': false };
    await extension.activate({ subscriptions: [] });
    assert.equal(created.length, 1, 'no client when planc.server.enable is off');
    settings = {};
    await extension.activate({ subscriptions: [] });
    assert.equal(created[1].serverOptions.run.command, 'planc', 'planc on PATH by default');
    assert.deepEqual(created[1].serverOptions.run.args, ['lsp']);
    console.log('ok: planc.server.enable off starts no server; the defaults run `planc lsp`');
}

main().catch((err) => {
    console.error(`FAIL: ${err.stack || err}`);
    process.exit(1);
});
