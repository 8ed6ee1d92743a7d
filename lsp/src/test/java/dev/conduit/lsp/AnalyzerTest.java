package dev.conduit.lsp;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conduit.vet.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The warm compiler itself, without the protocol. */
class AnalyzerTest {
  private static Analyzer analyzer(Path file, String text) throws Exception {
    Path root = Workspace.sourceRoot(file, text);
    return new Analyzer(
        new ProjectConfig(root, List.of(root), Workspace.runtimeClasspath(), List.of()),
        Rules.discover());
  }

  @Test
  void aNewerEditStopsAnAnalysisAtJavacsNextPhase() throws Exception {
    Path lost = TestClient.samples().resolve("shop/Lost.java");
    String text = Files.readString(lost);
    try (Analyzer a = analyzer(lost, text)) {
      AtomicInteger asked = new AtomicInteger();
      // Not cancelled for the first few phases, then a newer edit arrives.
      assertThrows(
          CancellationException.class,
          () -> a.analyze(lost, text, () -> asked.incrementAndGet() > 3));
      // The same warm compiler then analyses to the end.
      assertThat(a.analyze(lost, text, () -> false).findings()).hasSize(1);
    }
  }

  @Test
  void theTextAnalysedIsTheEditorsNotTheFileOnDisk() throws Exception {
    Path lost = TestClient.samples().resolve("shop/Lost.java");
    String edited =
        Files.readString(lost)
            .replace("return \"unknown\";", "timed.cancel();\n      return \"unknown\";");
    try (Analyzer a = analyzer(lost, edited)) {
      assertThat(a.analyze(lost, edited, () -> false).findings()).isEmpty();
    }
  }
}
