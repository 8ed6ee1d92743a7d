package dev.conduit.lsp;

import static com.google.common.truth.Truth.assertThat;

import com.google.errorprone.BugPattern;
import dev.conduit.vet.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server as an editor sees it, over JSON-RPC, on the shipped sample of mistakes. */
class ServerTest {
  private static TestClient client;

  @BeforeAll
  static void start() throws Exception {
    client = new TestClient(null);
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    assertThat(client.exitCodes).containsExactly(0);
  }

  /** Every rule and processor id of samples/mistakes, at the line conduit-vet reports. */
  @Test
  void everySampleMistakeIsADiagnosticAtItsLine() throws Exception {
    Map<String, String> expected =
        Map.ofEntries(
            Map.entry("Abandoned.java", "AbandonedSender@11"),
            Map.entry("Blocking.java", "UncancellableBlockingCall@10"),
            Map.entry("Closing.java", "DoubleClose@11"),
            Map.entry("Counting.java", "WaitGroupAddInGoroutine@14"),
            Map.entry(
                "Declarations.java", "ConduitConflictingDirections@10 ConduitRequiresContext@13"),
            Map.entry("Detached.java", "ContextPropagation@8"),
            Map.entry("Direction.java", "ChannelDirection@10"),
            Map.entry("Holder.java", "ContextInField@7"),
            Map.entry("Lost.java", "LostCancel@12"),
            Map.entry("Nulls.java", "NullContext@6"),
            Map.entry("Order.java", "ContextFirst@7"),
            Map.entry("Prices.java", ""));
    Path shop = TestClient.samples().resolve("shop");
    for (var e : expected.entrySet()) {
      String uri = client.open(shop.resolve(e.getKey()));
      List<Diagnostic> ds = client.await(uri, d -> true);
      assertThat(TestClient.codes(ds)).isEqualTo(e.getValue());
      for (Diagnostic d : ds) {
        assertThat(d.getSource()).isEqualTo("conduit");
        // A rule's default severity (the sample has no pom to change it); processor ids are
        // always errors.
        var rule = Rules.discover().all().get(d.getCode().getLeft());
        assertThat(d.getSeverity())
            .isEqualTo(
                rule == null || rule.severity() == BugPattern.SeverityLevel.ERROR
                    ? DiagnosticSeverity.Error
                    : DiagnosticSeverity.Warning);
        assertThat(d.getMessage().getLeft()).isNotEmpty();
        String page = d.getCodeDescription().getHref();
        assertThat(Files.isRegularFile(Path.of(java.net.URI.create(page)))).isTrue();
      }
    }
  }

  @Test
  void aMessageNamingAnotherLineLinksIt() throws Exception {
    String uri = client.open(TestClient.samples().resolve("shop/Direction.java"));
    Diagnostic d = client.await(uri, ds -> !ds.isEmpty()).get(0);
    assertThat(d.getRelatedInformation()).isNotEmpty();
    assertThat(d.getRelatedInformation().get(0).getLocation().getUri()).isEqualTo(uri);
  }

  @Test
  void theLostCancelFixClearsTheFinding() throws Exception {
    String uri = client.open(TestClient.samples().resolve("shop/Lost.java"));
    client.await(uri, ds -> TestClient.codes(ds).equals("LostCancel@12"));
    List<CodeAction> actions = client.actions(uri, 11);
    assertThat(actions.stream().map(CodeAction::getTitle).toList())
        .contains("Suppress with @SuppressWarnings(\"LostCancel\")");
    CodeAction fix =
        actions.stream()
            .filter(a -> !a.getTitle().startsWith("Suppress"))
            .findFirst()
            .orElseThrow();
    assertThat(fix.getKind()).isEqualTo("quickfix");
    String fixed = client.applied(fix, uri);
    assertThat(fixed).contains("try (");
    client.change(uri, fixed);
    client.await(uri, List::isEmpty);
  }

  @Test
  void suppressingOnTheMethodClearsTheFinding() throws Exception {
    String uri = client.open(TestClient.samples().resolve("shop/Holder.java"));
    client.await(uri, ds -> TestClient.codes(ds).equals("ContextInField@7"));
    CodeAction suppress =
        client.actions(uri, 6).stream()
            .filter(a -> a.getTitle().startsWith("Suppress"))
            .findFirst()
            .orElseThrow();
    String fixed = client.applied(suppress, uri);
    assertThat(fixed).contains("@SuppressWarnings(\"ContextInField\")");
    client.change(uri, fixed);
    client.await(uri, List::isEmpty);
  }

  @Test
  void aSyntaxErrorIsExplainedOnceAndOtherFindingsRemain() throws Exception {
    Path lost = TestClient.samples().resolve("shop/Lost.java");
    String broken =
        Files.readString(lost)
            .replace("    return price;\n  }\n}", "    return price;\n  }\n\n  void half( {\n}\n");
    String uri =
        client.open(
            lost.resolveSibling("LostBroken.java"),
            broken.replace("class Lost", "class LostBroken"));
    client.await(uri, ds -> TestClient.codes(ds).contains("LostCancel@12"));
    client.awaitMessage("LostBroken.java has a syntax error at line");
    assertThat(client.messages.stream().noneMatch(m -> m.contains("\tat "))).isTrue();
  }

  @Test
  void anOutOfOrderEditIsIgnoredWithAMessage() throws Exception {
    Path nulls = TestClient.samples().resolve("shop/Nulls.java");
    String uri = client.open(nulls);
    client.await(uri, ds -> !ds.isEmpty());
    client.changeAt(uri, "class Nulls {}", 5);
    client.changeAt(uri, "garbage that would not parse", 3);
    client.awaitMessage("received edit version 3 after version 5");
    client.await(uri, List::isEmpty);
  }
}
