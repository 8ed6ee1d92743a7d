package dev.conduit.lsp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzerDebugTest {
  @Test
  void debug() throws Exception {
    Path lost = TestClient.samples().resolve("shop/Lost.java").toAbsolutePath();
    String text = Files.readString(lost);
    Path root = Workspace.sourceRoot(lost, text);
    ProjectConfig c = new ProjectConfig(root, List.of(root), Workspace.runtimeClasspath(), List.of());
    System.err.println("CONFIG " + c);
    try (Analyzer a = new Analyzer(c, dev.conduit.vet.Rules.discover())) {
      for (int i = 0; i < 3; i++) {
        long t = System.nanoTime();
        Analyzer.Result r = a.analyze(lost, text, () -> false);
        System.err.println("RESULT " + (System.nanoTime() - t) / 1_000_000 + "ms " + r);
      }
    }
  }
}
