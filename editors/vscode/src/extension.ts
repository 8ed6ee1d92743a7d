// Starts bin/conduit-lsp for Java files and hands its diagnostics and quick fixes to VS Code.
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

function settings(): { classpath?: string; docsBase?: string } {
  const config = vscode.workspace.getConfiguration("conduit");
  const out: { classpath?: string; docsBase?: string } = {};
  const classpath = config.get<string>("classpath", "");
  const docsBase = config.get<string>("docsBase", "");
  if (classpath) {
    out.classpath = classpath;
  }
  if (docsBase) {
    out.docsBase = docsBase;
  }
  return out;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const command = vscode.workspace.getConfiguration("conduit").get<string>("server", "");
  if (!command) {
    void vscode.window.showWarningMessage(
      "Conduit: set conduit.server to the path of bin/conduit-lsp in a Conduit checkout."
    );
    return;
  }
  const serverOptions: ServerOptions = { command, transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: "file", language: "java" }],
    initializationOptions: settings(),
    synchronize: {
      configurationSection: "conduit",
      fileEvents: vscode.workspace.createFileSystemWatcher("**/pom.xml"),
    },
  };
  client = new LanguageClient("conduit", "Conduit", serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
  }
}
