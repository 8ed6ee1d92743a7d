package dev.conduit.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.jspecify.annotations.Nullable;

/**
 * Open documents and their analyses. Protocol threads only record text and schedule; analyses run
 * one at a time on the analysis thread, an edit waits about 200 ms for the next, and a newer edit
 * stops an older analysis (its generation no longer matches).
 */
final class Documents implements TextDocumentService {
  private final ConduitServer server;
  private final Workspace workspace;
  private final ScheduledExecutorService analysis;
  private final Map<String, Document> open = new ConcurrentHashMap<>();
  private volatile @Nullable String docsBase = ConduitServer.defaultDocsBase();

  Documents(ConduitServer server, Workspace workspace, ScheduledExecutorService analysis) {
    this.server = server;
    this.workspace = workspace;
    this.analysis = analysis;
  }

  Workspace workspace() {
    return workspace;
  }

  void setDocsBase(String base) {
    docsBase = base;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    var item = params.getTextDocument();
    if (!item.getUri().endsWith(".java")) {
      return;
    }
    Document doc = new Document(item.getUri(), item.getText(), item.getVersion());
    open.put(item.getUri(), doc);
    schedule(doc, 0);
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    Document doc = open.get(params.getTextDocument().getUri());
    if (doc == null) {
      return;
    }
    Integer version = params.getTextDocument().getVersion();
    synchronized (doc) {
      if (version != null && version <= doc.version()) {
        if (doc.firstOrderReport()) {
          server.warnOnce(
              fileName(doc.uri)
                  + " received edit version "
                  + version
                  + " after version "
                  + doc.version()
                  + "; it was ignored and the newer text kept. If the findings"
                  + " look wrong, save or reopen the file.");
        }
        return;
      }
      String text = doc.text();
      for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
        text = apply(text, change);
      }
      doc.update(text, version == null ? doc.version() + 1 : version);
    }
    schedule(doc, ConduitServer.DEBOUNCE_MILLIS);
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    if (uri.endsWith("pom.xml")) {
      reanalyseAll();
      return;
    }
    Document doc = open.get(uri);
    if (doc != null) {
      schedule(doc, 0);
    }
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    Document doc = open.remove(params.getTextDocument().getUri());
    if (doc != null) {
      doc.generation.incrementAndGet();
      Future<?> pending = doc.replacePending(null);
      if (pending != null) {
        pending.cancel(false);
      }
      publish(doc.uri, List.of());
    }
  }

  void reanalyseAll() {
    open.values().forEach(d -> schedule(d, 0));
  }

  void stop() {
    open.values().forEach(d -> d.generation.incrementAndGet());
    analysis.execute(workspace::close);
  }

  private void schedule(Document doc, long delayMillis) {
    if (server.isShutdown() || analysis.isShutdown()) {
      return;
    }
    long generation = doc.generation.incrementAndGet();
    Future<?> next;
    try {
      next = analysis.schedule(() -> analyse(doc, generation), delayMillis, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return; // shutting down
    }
    Future<?> old = doc.replacePending(next);
    if (old != null) {
      old.cancel(false);
    }
  }

  private void analyse(Document doc, long generation) {
    String text = doc.text();
    Path file = Path.of(URI.create(doc.uri));
    try {
      Analyzer analyzer = workspace.analyzerFor(file, text);
      Analyzer.Result result =
          analyzer.analyze(
              file, text, () -> doc.generation.get() != generation || server.isShutdown());
      if (doc.generation.get() != generation) {
        return;
      }
      doc.setAnalysed(new Document.Analysed(text, result.findings()));
      Protocol protocol = new Protocol(doc.uri, text, docsBase);
      List<Diagnostic> diagnostics = new ArrayList<>();
      result.findings().forEach(f -> diagnostics.add(protocol.diagnostic(f)));
      publish(doc.uri, diagnostics);
      server.log(
          fileName(doc.uri) + ": " + diagnostics.size() + " finding(s); " + result.timings());
      explain(doc, result);
    } catch (CancellationException e) {
      // a newer edit is on its way: its analysis publishes instead
    } catch (Throwable e) {
      if (e instanceof VirtualMachineError vme && !(e instanceof StackOverflowError)) {
        throw vme;
      }
      server.warnOnce(
          "could not check "
              + fileName(doc.uri)
              + ": "
              + e
              + ". This is a bug in conduit-lsp; please report it with the file.");
      e.printStackTrace(); // to the server's standard error, which editors keep in a log
    }
  }

  /** Tells the user, once, why some findings may be missing. */
  private void explain(Document doc, Analyzer.Result result) {
    boolean broken = !result.syntaxErrors().isEmpty();
    if (doc.firstSyntaxReport(broken)) {
      Analyzer.Problem first = result.syntaxErrors().get(0);
      server.warnOnce(
          fileName(doc.uri)
              + " has a syntax error at line "
              + first.line()
              + " ("
              + first.message()
              + "). Conduit checks what still parses; findings in the broken part return once it"
              + " compiles.");
    }
    for (Analyzer.Problem p : result.otherErrors()) {
      if (p.message().startsWith("package ") && p.message().endsWith("does not exist")) {
        server.warnOnce(
            "classes used by "
                + fileName(doc.uri)
                + " are not on the class path (line "
                + p.line()
                + ": "
                + p.message()
                + "). Findings that need them may be missing:"
                + " check the project's pom.xml, or set conduit.classpath in the editor.");
        break;
      }
    }
  }

  private void publish(String uri, List<Diagnostic> diagnostics) {
    LanguageClient client = server.client();
    if (client != null) {
      client.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics));
    }
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    List<Either<Command, CodeAction>> actions = new ArrayList<>();
    Document doc = open.get(params.getTextDocument().getUri());
    Document.Analysed analysed = doc == null ? null : doc.analysed();
    if (doc == null || analysed == null || !analysed.text().equals(doc.text())) {
      // Offsets of an older text would edit the wrong places: no actions until re-analysed.
      return CompletableFuture.completedFuture(actions);
    }
    Protocol protocol = new Protocol(doc.uri, analysed.text(), docsBase);
    Range asked = params.getRange();
    for (Finding f : analysed.findings()) {
      Range at = protocol.range(f.start(), f.end());
      if (!overlaps(at, asked)) {
        continue;
      }
      Diagnostic diagnostic = protocol.diagnostic(f);
      boolean first = true;
      for (Finding.FixSuggestion fix : f.fixes()) {
        actions.add(
            Either.forRight(
                protocol.action(fix, diagnostic, first && !fix.title().startsWith("Suppress"))));
        first = false;
      }
    }
    return CompletableFuture.completedFuture(actions);
  }

  private static boolean overlaps(Range a, Range b) {
    return a.getStart().getLine() <= b.getEnd().getLine()
        && b.getStart().getLine() <= a.getEnd().getLine();
  }

  /** Applies one change; a change without a range is the whole text (full sync). */
  static String apply(String text, TextDocumentContentChangeEvent change) {
    Range r = change.getRange();
    if (r == null) {
      return change.getText();
    }
    int start = offset(text, r.getStart());
    int end = Math.max(start, offset(text, r.getEnd()));
    return text.substring(0, start) + change.getText() + text.substring(end);
  }

  private static int offset(String text, Position p) {
    int line = 0;
    int i = 0;
    while (line < p.getLine() && i < text.length()) {
      if (text.charAt(i++) == '\n') {
        line++;
      }
    }
    return Math.min(text.length(), i + p.getCharacter());
  }

  private static String fileName(String uri) {
    int slash = uri.lastIndexOf('/');
    return slash < 0 ? uri : uri.substring(slash + 1);
  }
}
