// VS Code client for DockerLSP: starts docker-lsp over standard input and
// output for every Dockerfile and restarts it when dockerLsp.serverPath changes.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

const CLIENT_ID = "dockerLsp";
const CLIENT_NAME = "DockerLSP";

/** @type {LanguageClient | undefined} */
let client;

function createClient() {
  const configuration = vscode.workspace.getConfiguration(CLIENT_ID);
  const command = configuration.get("serverPath") || "docker-lsp";

  // Without a `transport` key the client talks over standard input and output
  // and adds no arguments, which is how docker-lsp starts as a server.
  const serverOptions = { command, args: [] };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "dockerfile" },
      { scheme: "untitled", language: "dockerfile" },
    ],
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/.hadolint.{yaml,yml}"),
    },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

async function startClient() {
  client = createClient();
  try {
    await client.start();
  } catch (error) {
    client = undefined;
    const command = vscode.workspace.getConfiguration(CLIENT_ID).get("serverPath");
    vscode.window.showErrorMessage(
      `DockerLSP: failed to start "${command}": ${error.message}. ` +
        "Set dockerLsp.serverPath to the docker-lsp executable."
    );
  }
}

async function restartClient() {
  if (client !== undefined) {
    const running = client;
    client = undefined;
    try {
      await running.stop();
    } catch (error) {
      console.error(`DockerLSP: failed to stop the server: ${error.message}`);
    }
  }
  await startClient();
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("dockerLsp.restartServer", restartClient),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${CLIENT_ID}.serverPath`)) {
        restartClient();
      }
    })
  );
  await startClient();
}

async function deactivate() {
  if (client !== undefined) {
    await client.stop();
  }
}

module.exports = { activate, deactivate };
