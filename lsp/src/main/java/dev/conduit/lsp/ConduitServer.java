package dev.conduit.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.conduit.vet.Rules;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;
import org.jspecify.annotations.Nullable;

/**
 * The server's life cycle and settings. Documents and analyses are {@link Documents}' business;
 * this class answers initialize/shutdown/exit and the workspace notifications.
 */
public final class ConduitServer implements LanguageServer, LanguageClientAware {
  /** How long an edit waits for the next one before it is analysed. */
  static final long DEBOUNCE_MILLIS = Long.getLong("conduit.lsp.debounceMillis", 200);

  private final IntConsumer exit;
  private final ScheduledThreadPoolExecutor analysis;
  private final Maven maven;
  private final Documents documents;
  private final Map<String, Boolean> told = new ConcurrentHashMap<>();
  private volatile @Nullable LanguageClient client;
  private volatile boolean shutdown;

  /** {@code exit} receives the process's exit status when the client says exit. */
  public ConduitServer(IntConsumer exit) {
    this.exit = exit;
    this.analysis =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "conduit-analysis");
              t.setDaemon(true);
              return t;
            });
    analysis.setRemoveOnCancelPolicy(true);
    analysis.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.maven = new Maven(cacheDir());
    Workspace workspace = new Workspace(Rules.discover(), maven, this::warnOnce, this::log);
    this.documents = new Documents(this, workspace, analysis);
  }

  private static Path cacheDir() {
    String configured = System.getProperty("conduit.lsp.cacheDir");
    if (configured != null) {
      return Path.of(configured);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("conduit-lsp");
  }

  @Override
  public void connect(LanguageClient client) {
    this.client = client;
  }

  @Nullable LanguageClient client() {
    return client;
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    applySettings(params.getInitializationOptions());
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Full);
    sync.setSave(new SaveOptions(false));
    ServerCapabilities capabilities = new ServerCapabilities();
    capabilities.setTextDocumentSync(sync);
    capabilities.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
    return CompletableFuture.completedFuture(
        new InitializeResult(capabilities, new ServerInfo("conduit-lsp", version())));
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    if (shutdown) {
      return CompletableFuture.completedFuture(null);
    }
    shutdown = true;
    maven.stopAll();
    documents.stop(); // queues the workspace's close behind a running analysis, which then stops
    analysis.shutdown();
    try {
      analysis.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return CompletableFuture.completedFuture(null);
  }

  boolean isShutdown() {
    return shutdown;
  }

  @Override
  public void exit() {
    boolean clean = shutdown;
    if (!clean) {
      shutdown();
    }
    exit.accept(clean ? 0 : 1);
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return new WorkspaceService() {
      @Override
      public void didChangeConfiguration(DidChangeConfigurationParams params) {
        Object settings = params.getSettings();
        if (settings instanceof JsonObject o && o.has("conduit")) {
          settings = o.get("conduit");
        }
        applySettings(settings);
        documents.reanalyseAll();
      }

      @Override
      public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        // A changed pom is noticed by its content hash at the next analysis.
        documents.reanalyseAll();
      }
    };
  }

  /** {@code {"classpath": "a.jar:b.jar" | ["a.jar", ...], "docsBase": "https://..."}}. */
  private void applySettings(@Nullable Object options) {
    if (!(options instanceof JsonObject o)) {
      return;
    }
    if (o.has("docsBase") && o.get("docsBase").isJsonPrimitive()) {
      String base = o.get("docsBase").getAsString().strip();
      if (!base.isEmpty()) {
        documents.setDocsBase(base.endsWith("/") ? base : base + "/");
      }
    }
    if (o.has("classpath")) {
      JsonElement cp = o.get("classpath");
      String value = null;
      if (cp.isJsonPrimitive()) {
        value = cp.getAsString();
      } else if (cp.isJsonArray()) {
        StringBuilder b = new StringBuilder();
        cp.getAsJsonArray()
            .forEach(e ->
                b.append(b.length() == 0 ? "" : java.io.File.pathSeparator)
                    .append(e.getAsString()));
        value = b.toString();
      }
      String chosen = value == null || value.isBlank() ? null : value;
      if (!shutdown) {
        analysis.execute(() -> documents.workspace().setClasspathOverride(chosen));
      }
    }
  }

  /** A message the user must see, shown once per text so that typing does not repeat it. */
  void warnOnce(String message) {
    LanguageClient c = client;
    if (c != null && told.putIfAbsent(message, Boolean.TRUE) == null) {
      c.showMessage(new MessageParams(MessageType.Warning, "Conduit: " + message));
    }
  }

  void log(String message) {
    LanguageClient c = client;
    if (c != null) {
      c.logMessage(new MessageParams(MessageType.Log, "conduit-lsp: " + message));
    }
  }

  /** The checkout this server runs from, whose docs/checks the diagnostics link to. */
  static @Nullable String defaultDocsBase() {
    try {
      Path here =
          Path.of(ConduitServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path dir = here; dir != null; dir = dir.getParent()) {
        if (Files.isDirectory(dir.resolve("docs").resolve("checks"))) {
          URI uri = dir.toUri();
          return uri.toString().endsWith("/") ? uri.toString() : uri + "/";
        }
      }
    } catch (Exception e) {
      // no checkout around the server: diagnostics go without a link unless docsBase is set
    }
    return null;
  }

  private static String version() {
    String v = ConduitServer.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  /** For the benchmark: the used heap after a full collection, in bytes. */
  public long usedHeapAfterGc() throws Exception {
    return analysis
        .submit(() -> {
          System.gc();
          Runtime r = Runtime.getRuntime();
          return r.totalMemory() - r.freeMemory();
        })
        .get(60, TimeUnit.SECONDS);
  }
}
