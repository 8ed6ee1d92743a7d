package dev.conduit.lsp;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * An LSP4J client connected to an in-process server over piped streams: every message goes through
 * JSON-RPC as it would from an editor.
 */
final class TestClient implements LanguageClient, AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(60);

  final Map<String, List<Diagnostic>> diagnostics = new ConcurrentHashMap<>();
  final List<String> messages = new CopyOnWriteArrayList<>();
  final List<Integer> exitCodes = new CopyOnWriteArrayList<>();
  final ConduitServer server;
  final LanguageServer remote;
  private final Map<String, Integer> versions = new ConcurrentHashMap<>();
  private final Map<String, String> texts = new ConcurrentHashMap<>();

  TestClient(Object initializationOptions) throws Exception {
    PipedInputStream clientIn = new PipedInputStream(1 << 20);
    PipedOutputStream serverOut = new PipedOutputStream(clientIn);
    PipedInputStream serverIn = new PipedInputStream(1 << 20);
    PipedOutputStream clientOut = new PipedOutputStream(serverIn);
    server = new ConduitServer(exitCodes::add);
    Launcher<org.eclipse.lsp4j.services.LanguageClient> serverSide =
        LSPLauncher.createServerLauncher(server, serverIn, serverOut);
    server.connect(serverSide.getRemoteProxy());
    serverSide.startListening();
    Launcher<LanguageServer> clientSide =
        LSPLauncher.createClientLauncher(this, clientIn, clientOut);
    clientSide.startListening();
    remote = clientSide.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    init.setCapabilities(new ClientCapabilities());
    init.setInitializationOptions(initializationOptions);
    remote.initialize(init).get(30, TimeUnit.SECONDS);
    remote.initialized(new InitializedParams());
  }

  static Path samples() {
    return Path.of(System.getProperty("conduit.lsp.samples")).toAbsolutePath().normalize();
  }

  String open(Path file) throws IOException {
    return open(file, Files.readString(file));
  }

  String open(Path file, String text) {
    String uri = file.toUri().toString();
    diagnostics.remove(uri);
    versions.put(uri, 1);
    texts.put(uri, text);
    remote
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "java", 1, text)));
    return uri;
  }

  void change(String uri, String text) {
    int version = versions.merge(uri, 1, Integer::sum);
    changeAt(uri, text, version);
  }

  void changeAt(String uri, String text, int version) {
    texts.put(uri, text);
    remote
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent(text))));
  }

  String text(String uri) {
    return texts.get(uri);
  }

  /** Waits until the last published diagnostics of {@code uri} satisfy {@code test}. */
  List<Diagnostic> await(String uri, Predicate<List<Diagnostic>> test) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      List<Diagnostic> now = diagnostics.get(uri);
      if (now != null && test.test(now)) {
        return now;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "diagnostics of "
            + uri
            + " never matched; last: "
            + diagnostics.get(uri)
            + "; messages: "
            + messages);
  }

  void awaitMessage(String part) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (messages.stream().anyMatch(m -> m.contains(part))) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no message containing '" + part + "'; messages: " + messages);
  }

  List<CodeAction> actions(String uri, int line) throws Exception {
    CodeActionParams p =
        new CodeActionParams(
            new TextDocumentIdentifier(uri),
            new Range(new Position(line, 0), new Position(line, 200)),
            new CodeActionContext(List.of()));
    List<CodeAction> out = new ArrayList<>();
    for (Either<org.eclipse.lsp4j.Command, CodeAction> e :
        remote.getTextDocumentService().codeAction(p).get(30, TimeUnit.SECONDS)) {
      out.add(e.getRight());
    }
    return out;
  }

  /** Applies a workspace edit's changes for {@code uri} to the client's text, as an editor does. */
  String applied(CodeAction action, String uri) {
    List<TextEdit> edits = new ArrayList<>(action.getEdit().getChanges().get(uri));
    String text = texts.get(uri);
    edits.sort((a, b) -> compare(b.getRange().getStart(), a.getRange().getStart()));
    for (TextEdit e : edits) {
      int start = offset(text, e.getRange().getStart());
      int end = offset(text, e.getRange().getEnd());
      text = text.substring(0, start) + e.getNewText() + text.substring(end);
    }
    return text;
  }

  private static int compare(Position a, Position b) {
    return a.getLine() != b.getLine()
        ? Integer.compare(a.getLine(), b.getLine())
        : Integer.compare(a.getCharacter(), b.getCharacter());
  }

  static int offset(String text, Position p) {
    int i = 0;
    for (int line = 0; line < p.getLine(); line++) {
      i = text.indexOf('\n', i) + 1;
    }
    return i + p.getCharacter();
  }

  static String codes(List<Diagnostic> ds) {
    StringBuilder b = new StringBuilder();
    ds.forEach(d ->
        b.append(d.getCode().getLeft())
            .append('@')
            .append(d.getRange().getStart().getLine() + 1)
            .append(' '));
    return b.toString().strip();
  }

  @Override
  public void close() throws Exception {
    remote.shutdown().get(30, TimeUnit.SECONDS);
    remote.exit();
    // exit is a notification: the server acts on it after this returns.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (exitCodes.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams p) {
    diagnostics.put(p.getUri(), p.getDiagnostics());
  }

  @Override
  public void showMessage(MessageParams p) {
    messages.add(p.getMessage());
  }

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void logMessage(MessageParams p) {}
}
