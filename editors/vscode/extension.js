// The planc extension for VS Code: starts `planc lsp` (the language server, docs/editors.md) for
// every `plan` document through vscode-languageclient, so planc's diagnostics are underlined as a plan
// is typed. Plain JavaScript, no build step; the settings are planc.server.enable (off: the grammar
// only), planc.path, planc.includeDirs and planc.trace.server (read by the client library itself,
// from the client's id "planc").
'use strict';

const path = require('path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client = null;

// The directory relative include directories are taken from: the first workspace folder on disk,
// else none (then planc lsp resolves them from its own working directory, the editor's).
function workspaceRoot() {
    const folders = vscode.workspace.workspaceFolders || [];
    const local = folders.find((f) => f.uri && f.uri.scheme === 'file');
    return local ? local.uri.fsPath : undefined;
}

// How to run the server: planc.path (a name on PATH or a full path) with `lsp` and one
// `--include-dir DIR` per entry of planc.includeDirs. TransportKind.stdio makes the client add
// `--stdio`, which planc lsp accepts.
function serverOptions(config, root) {
    const args = ['lsp'];
    for (const dir of config.get('includeDirs', []) || []) {
        if (typeof dir !== 'string' || dir === '') continue;
        args.push('--include-dir', root && !path.isAbsolute(dir) ? path.join(root, dir) : dir);
    }
    const run = {
        command: config.get('path', 'planc') || 'planc',
        args,
        transport: TransportKind.stdio,
        options: root ? { cwd: root } : {},
    };
    return { run, debug: run };
}

function clientOptions() {
    return {
        documentSelector: [
            { scheme: 'file', language: 'plan' },
            { scheme: 'untitled', language: 'plan' },
        ],
    };
}

function createClient() {
    const config = vscode.workspace.getConfiguration('planc');
    return new LanguageClient('planc', 'planc', serverOptions(config, workspaceRoot()), clientOptions());
}

function serverEnabled() {
    return vscode.workspace.getConfiguration('planc').get('server.enable', true) !== false;
}

// Starts the server if planc.server.enable allows it; the promise of the client's start, or none.
function start() {
    if (!serverEnabled())
        return undefined;
    client = createClient();
    return client.start();
}

async function stop() {
    if (!client)
        return;
    const old = client;
    client = null;
    await old.stop().catch(() => {});   // a server that failed to start has nothing to stop
}

async function restart() {
    await stop();
    await start();
}

// Another planc.path or planc.includeDirs is another command line, and planc.server.enable turns
// the server on or off: stop the server and start it again as the settings now say.
function onConfigurationChanged(event) {
    if (['planc.server.enable', 'planc.path', 'planc.includeDirs'].some((key) => event.affectsConfiguration(key)))
        restart().catch((err) => vscode.window.showErrorMessage(`planc lsp did not start: ${err.message || err}`));
}

// A server that does not start (planc not found) is reported by the client library, in a
// notification and its output channel; the extension stays active, so that correcting planc.path or
// running "planc: Restart the language server" tries again.
async function activate(context) {
    context.subscriptions.push(
        vscode.workspace.onDidChangeConfiguration(onConfigurationChanged),
        vscode.commands.registerCommand('planc.restartServer', restart),
    );
    await Promise.resolve(start()).catch(() => {});
}

function deactivate() {
    return stop();
}

module.exports = { activate, deactivate, serverOptions };
