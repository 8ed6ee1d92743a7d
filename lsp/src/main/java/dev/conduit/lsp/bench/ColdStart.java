package dev.conduit.lsp.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Cold start as an editor sees it: bin/conduit-lsp started in a fresh JVM, a file of a Maven
 * project opened, time until its first diagnostics; with an empty class path cache (so Maven runs)
 * and with the cache kept from the previous start. {@code ColdStart REPOSITORY [RUNS]}.
 */
public final class ColdStart implements LanguageClient {
  private final CompletableFuture<Long> published = new CompletableFuture<>();

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path project = Files.createTempDirectory("conduit-cold");
    Path file = project.resolve("src/main/java/shop/Lost.java");
    Files.createDirectories(file.getParent());
    Files.copy(repo.resolve("samples/mistakes/shop/Lost.java"), file);
    Files.writeString(
        project.resolve("pom.xml"),
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>example</groupId><artifactId>cold</artifactId><version>1</version>
          <dependencies><dependency>
            <groupId>org.jspecify</groupId><artifactId>jspecify</artifactId><version>1.0.1</version>
          </dependency></dependencies>
        </project>
        """);
    List<Long> uncached = new ArrayList<>();
    List<Long> cached = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      Path cache = Files.createTempDirectory("conduit-cold-cache");
      uncached.add(new ColdStart().once(repo, file, cache));
      cached.add(new ColdStart().once(repo, file, cache));
    }
    System.out.printf(Locale.ROOT, "cold start to first diagnostics (ms), %d runs each:%n", runs);
    System.out.printf(Locale.ROOT, "  class path not cached (Maven runs): %s%n", uncached);
    System.out.printf(Locale.ROOT, "  class path cached:                  %s%n", cached);
    System.exit(0);
  }

  private long once(Path repo, Path file, Path cache) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(repo.resolve("bin/conduit-lsp").toString());
    pb.environment().put("CONDUIT_LSP_JAVA_OPTS", "-Dconduit.lsp.cacheDir=" + cache);
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    long start = System.nanoTime();
    Process p = pb.start();
    try {
      var launcher =
          LSPLauncher.createClientLauncher(this, p.getInputStream(), p.getOutputStream());
      launcher.startListening();
      var server = launcher.getRemoteProxy();
      InitializeParams init = new InitializeParams();
      init.setCapabilities(new ClientCapabilities());
      server.initialize(init).get(120, TimeUnit.SECONDS);
      server.initialized(new InitializedParams());
      String uri = file.toUri().toString();
      server
          .getTextDocumentService()
          .didOpen(
              new DidOpenTextDocumentParams(
                  new TextDocumentItem(uri, "java", 1, Files.readString(file))));
      long ms = (published.get(300, TimeUnit.SECONDS) - start) / 1_000_000;
      server.shutdown().get(30, TimeUnit.SECONDS);
      server.exit();
      p.waitFor(30, TimeUnit.SECONDS);
      return ms;
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams p) {
    published.complete(System.nanoTime());
  }

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public void showMessage(MessageParams p) {}

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void logMessage(MessageParams p) {}
}
