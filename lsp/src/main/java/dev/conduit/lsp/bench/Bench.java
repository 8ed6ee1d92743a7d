package dev.conduit.lsp.bench;

import dev.conduit.lsp.ConduitServer;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Warm latency (didChange sent to publishDiagnostics received, over JSON-RPC, debounce included) on
 * every sample file and a generated 1,000-line file, then used heap after 50 and after 500 edits.
 * Cold start is measured by ColdStart in a fresh JVM per run.
 *
 * <p>{@code Bench REPOSITORY [EDITS_PER_FILE] [HEAP_EDITS]}.
 */
public final class Bench implements LanguageClient {
  private final Map<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();

  // Both set by connect(), the first thing run() does.
  @SuppressWarnings("NullAway.Init")
  private LanguageServer server;

  @SuppressWarnings("NullAway.Init")
  private ConduitServer local;

  private int version = 1;

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    int edits = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    int heapEdits = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    new Bench().run(repo, edits, heapEdits);
    System.exit(0);
  }

  private void run(Path repo, int edits, int heapEdits) throws Exception {
    connect();
    Path shop = repo.resolve("samples/mistakes/shop");
    List<Path> files = new ArrayList<>();
    try (var list = Files.list(shop)) {
      list.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
    }
    Path big = Files.createTempDirectory("conduit-bench").resolve("shop/Big.java");
    Files.createDirectories(big.getParent());
    Files.writeString(big, GeneratedFile.text(1000));
    files.add(big);

    System.out.printf(
        Locale.ROOT, "warm didChange -> publishDiagnostics, %d edits per file (ms):%n", edits);
    System.out.printf(
        Locale.ROOT,
        "  %-22s %6s %8s %8s %6s %6s%n",
        "file",
        "lines",
        "median",
        "p95",
        "max",
        "diags");
    List<Long> samplesAll = new ArrayList<>();
    for (Path f : files) {
      List<Long> times = latencies(f, edits);
      if (!f.equals(big)) {
        samplesAll.addAll(times);
      }
      String text = Files.readString(f);
      System.out.printf(
          Locale.ROOT,
          "  %-22s %6d %8d %8d %6d %6d%n",
          f.getFileName(),
          text.lines().count(),
          pct(times, 50),
          pct(times, 95),
          Collections.max(times),
          counts.getOrDefault(f.toUri().toString(), -1));
    }
    System.out.printf(
        Locale.ROOT,
        "  %-22s %6s %8d %8d %6d%n",
        "all sample files",
        "",
        pct(samplesAll, 50),
        pct(samplesAll, 95),
        Collections.max(samplesAll));

    Path heapFile = shop.resolve("Lost.java");
    String uri = heapFile.toUri().toString();
    String base = Files.readString(heapFile);
    long after50 = 0;
    StringBuilder readings = new StringBuilder();
    for (int i = 1; i <= heapEdits; i++) {
      edit(uri, base + "\n// edit " + i + "\n");
      if (i == Math.min(50, heapEdits)) {
        after50 = heap();
      } else if (i % 500 == 0 && i < heapEdits) {
        // Readings on the way show a trend, which one pair of readings cannot.
        readings.append(String.format(Locale.ROOT, " %d: %.1f MB;", i, heap() / 1e6));
      }
    }
    long afterAll = heap();
    System.out.printf(
        Locale.ROOT,
        "used heap after a full GC: after 50 edits %.1f MB, after %d edits %.1f MB%n",
        after50 / 1e6,
        heapEdits,
        afterAll / 1e6);
    if (readings.length() > 0) {
      System.out.println("  on the way:" + readings);
    }
    server.shutdown().get(30, TimeUnit.SECONDS);
  }

  private long heap() throws Exception {
    return local.usedHeapAfterGc();
  }

  private List<Long> latencies(Path file, int edits) throws Exception {
    String uri = file.toUri().toString();
    String text = Files.readString(file);
    CompletableFuture<Long> first = expect(uri);
    server
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "java", ++version, text)));
    first.get(120, TimeUnit.SECONDS);
    for (int i = 0; i < 5; i++) {
      edit(uri, text + "\n// warm-up " + i + "\n");
    }
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < edits; i++) {
      // Alternate between two shapes so that each edit really changes the text.
      times.add(edit(uri, (i % 2 == 0 ? text : text + "\n") + "// edit " + i + "\n"));
    }
    return times;
  }

  /** One full-text edit; returns milliseconds until its diagnostics arrived. */
  private long edit(String uri, String text) throws Exception {
    CompletableFuture<Long> published = expect(uri);
    long start = System.nanoTime();
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, ++version),
                List.of(new TextDocumentContentChangeEvent(text))));
    return (published.get(120, TimeUnit.SECONDS) - start) / 1_000_000;
  }

  private CompletableFuture<Long> expect(String uri) {
    CompletableFuture<Long> f = new CompletableFuture<>();
    waiting.put(uri, f);
    return f;
  }

  private static long pct(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
  }

  private void connect() throws Exception {
    PipedInputStream clientIn = new PipedInputStream(1 << 20);
    PipedOutputStream serverOut = new PipedOutputStream(clientIn);
    PipedInputStream serverIn = new PipedInputStream(1 << 20);
    PipedOutputStream clientOut = new PipedOutputStream(serverIn);
    local = new ConduitServer(code -> {});
    var serverSide = LSPLauncher.createServerLauncher(local, serverIn, serverOut);
    local.connect(serverSide.getRemoteProxy());
    serverSide.startListening();
    var clientSide = LSPLauncher.createClientLauncher(this, clientIn, clientOut);
    clientSide.startListening();
    server = clientSide.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    init.setCapabilities(new ClientCapabilities());
    server.initialize(init).get(60, TimeUnit.SECONDS);
    server.initialized(new InitializedParams());
  }

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams p) {
    long now = System.nanoTime();
    counts.put(p.getUri(), p.getDiagnostics().size());
    CompletableFuture<Long> f = waiting.remove(p.getUri());
    if (f != null) {
      f.complete(now);
    }
  }

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public void showMessage(MessageParams p) {
    System.out.println("  (server said: " + p.getMessage() + ")");
  }

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void logMessage(MessageParams p) {}
}
