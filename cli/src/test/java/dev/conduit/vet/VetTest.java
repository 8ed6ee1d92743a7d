package dev.conduit.vet;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** conduit-vet as users run it: real sources, real javac, real Error Prone. */
class VetTest {
  /** What one run printed and returned. */
  record Run(int status, String out, String err) {}

  static Run vet(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Vet.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String sample(String name) {
    URL url = VetTest.class.getResource("/vet/" + name);
    try {
      return Path.of(url.toURI()).toString();
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void reportsEachFindingAsFileLineColumnRuleMessage() {
    String dir = sample("direction");
    Run run = vet(dir);
    assertThat(run.status()).isEqualTo(Vet.FINDINGS);
    String file = VetRun.displayPath(Path.of(dir, "shop", "Orders.java")).toString();
    assertThat(run.out().lines().toList())
        .containsExactly(
            file
                + ":10:30: [ChannelDirection] Calling receive() on send-only"
                + " channel 'out' (declared @SendOnly at line 8) is not allowed."
                + " Code holding a send-only end may only send on it: Go rejects this at compile"
                + " time, and here it would take values meant for the receiving side."
                + " Use the channel in its declared direction, or give this code the"
                + " bidirectional channel if it must do both.",
            file
                + ":17:13: [ChannelDirection] Calling close() on receive-only"
                + " channel 'in' (declared @ReceiveOnly at line 13) is not allowed."
                + " Code holding a receive-only end may only receive from it: sending and closing"
                + " belong to the sending side, and Go rejects this at compile time."
                + " Use the channel in its declared direction, or give this code the"
                + " bidirectional channel if it must do both.",
            "conduit-vet: 2 findings in 1 file, 1 file checked")
        .inOrder();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void suggestedFixesFollowTheirFindingOnAFixLine() {
    String dir = sample("fix");
    Run run = vet(dir);
    assertThat(run.status()).isEqualTo(Vet.FINDINGS);
    String file = VetRun.displayPath(Path.of(dir, "shop", "Feed.java")).toString();
    assertThat(run.out().lines().toList())
        .containsExactly(
            file
                + ":12:36: [ChannelDirection] Assigning receive-only channel 'orders()' (returned"
                + " @ReceiveOnly by Feed.orders()) to variable 'orders', which is declared without"
                + " a direction. Go never turns a directional channel back into a bidirectional"
                + " one: through it, code could do what the declared direction forbids. Declare"
                + " it @ReceiveOnly.",
            "    fix: '@ReceiveOnly Channel<String> orders = orders();' or 'var orders ="
                + " orders();'",
            "conduit-vet: 1 finding in 1 file, 1 file checked")
        .inOrder();
  }

  /** The sample the README runs: one mistake per rule, each found once, at its line. */
  @Test
  void theShippedSampleShowsEveryRuleOnce() {
    Path sample = Path.of(System.getProperty("conduit.vet.sample"));
    Run run = vet(sample.toString());
    assertThat(run.status()).isEqualTo(Vet.FINDINGS);
    String dir = VetRun.displayPath(sample.resolve("shop")) + "/";
    List<String> places =
        run.out()
            .lines()
            .filter(l -> l.contains(": ["))
            .map(l -> l.substring(0, l.indexOf("] ") + 1))
            .toList();
    assertThat(places)
        .containsExactly(
            dir + "Abandoned.java:11:48: [AbandonedSender]",
            dir + "Blocking.java:10:26: [UncancellableBlockingCall]",
            dir + "Closing.java:11:14: [DoubleClose]",
            dir + "Counting.java:14:19: [WaitGroupAddInGoroutine]",
            dir + "Declarations.java:10:30: [ConduitConflictingDirections]",
            dir + "Declarations.java:13:30: [ConduitRequiresContext]",
            dir + "Detached.java:8:43: [ContextPropagation]",
            dir + "Direction.java:10:35: [ChannelDirection]",
            dir + "Holder.java:7:25: [ContextInField]",
            dir + "Lost.java:12:7: [LostCancel]",
            dir + "Nulls.java:6:25: [NullContext]",
            dir + "Order.java:7:43: [ContextFirst]")
        .inOrder();
    assertThat(run.out()).contains("conduit-vet: 12 findings in 11 files, 12 files checked");
    // A rule's suggested fix shows under its finding.
    assertThat(run.out())
        .contains(
            dir
                + "Blocking.java:10:26: [UncancellableBlockingCall] receive() blocks with no way"
                + " to give up although 'ctx' is in scope. This goroutine then stays stuck after"
                + " the work is cancelled. Pass the context to it."
                + System.lineSeparator()
                + "    fix: 'return orders.receive(ctx);'");
    // Every rule the tool knows appears in the sample, so a new rule needs a new mistake here.
    for (String rule : Rules.discover().all().keySet()) {
      assertThat(run.out()).contains("[" + rule + "]");
    }
  }

  @Test
  void cleanCodeExitsZero() {
    Run run = vet(sample("clean"));
    assertThat(run.out().strip()).isEqualTo("conduit-vet: no findings, 1 file checked");
    assertThat(run.status()).isEqualTo(Vet.CLEAN);
  }

  @Test
  void rulesOptionRestrictsTheFindings() {
    Run run = vet("--rules", "LostCancel", sample("direction"));
    assertThat(run.status()).isEqualTo(Vet.CLEAN);
    assertThat(run.out()).doesNotContain("ChannelDirection");
    assertThat(vet("--rules", "ChannelDirection", sample("direction")).status())
        .isEqualTo(Vet.FINDINGS);
  }

  @Test
  void badArgumentsExitTwoWithAClearMessage() {
    assertUsageError(vet(), "no PATH given");
    assertUsageError(vet("--format", "xml", "x"), "--format is text or sarif, not 'xml'");
    assertUsageError(vet("--frobnicate", "x"), "unknown option --frobnicate");
    assertUsageError(vet("--classpath"), "--classpath needs a value");
    assertUsageError(vet("--release", "latest", "x"), "--release needs a Java version");
    assertUsageError(vet("/no/such/dir"), "no such file or directory: /no/such/dir");
    assertUsageError(vet("--rules", "NoSuchRule", sample("clean")), "unknown rule NoSuchRule");
    Run help = vet("--help");
    assertThat(help.status()).isEqualTo(Vet.CLEAN);
    assertThat(help.out()).contains("usage: conduit-vet");
  }

  /** A misspelt processor id is an error, not a filter that quietly matches nothing. */
  @Test
  void rulesOptionRejectsAnUnknownProcessorIdListingTheValidNames() {
    Run run = vet("--rules", "ConduitTypo", sample("clean"));
    assertUsageError(run, "unknown rule ConduitTypo in --rules; the valid names are ");
    for (String name : Rules.discover().all().keySet()) {
      assertThat(run.err()).contains(name);
    }
    for (String id : dev.conduit.processor.ErrorId.ids()) {
      assertThat(run.err()).contains(id);
    }
    assertThat(run.out()).isEmpty();

    Run two = vet("--rules", "LostCancel,ConduitTypo,NoSuchRule", sample("clean"));
    assertUsageError(two, "unknown rules ConduitTypo, NoSuchRule in --rules");

    // A real processor id is accepted and filters as a rule name does.
    Run id = vet("--rules", "ConduitRequiresContext", sample("direction"));
    assertThat(id.status()).isEqualTo(Vet.CLEAN);
    assertThat(id.err()).isEmpty();
  }

  @Test
  void helpListsEveryRuleWithItsSeverityAndEveryProcessorId() {
    Run help = vet("--help");
    assertThat(help.status()).isEqualTo(Vet.CLEAN);
    for (Rules.Rule rule : Rules.discover().all().values()) {
      assertThat(help.out())
          .containsMatch(
              "(?m)^  "
                  + rule.name()
                  + " +"
                  + rule.severity()
                  + " +"
                  + java.util.regex.Pattern.quote(rule.summary())
                  + "$");
    }
    assertThat(help.out()).containsMatch("(?m)^  ContextFirst +WARNING ");
    assertThat(help.out()).containsMatch("(?m)^  ChannelDirection +ERROR ");
    for (String id : dev.conduit.processor.ErrorId.ids()) {
      assertThat(help.out()).containsMatch("(?m)^  " + id + "$");
    }
  }

  private static void assertUsageError(Run run, String message) {
    assertThat(run.status()).isEqualTo(Vet.USAGE_OR_INPUT_ERROR);
    assertThat(run.err()).contains(message);
    assertThat(run.err()).doesNotContain("Exception");
    assertThat(run.err()).doesNotContain("\tat ");
  }

  @Test
  void missingClassesGiveJavacsErrorsAndAClasspathHint() {
    Run run = vet(sample("missing"));
    assertThat(run.status()).isEqualTo(Vet.USAGE_OR_INPUT_ERROR);
    assertThat(run.err()).contains("UsesGuava.java:1:");
    assertThat(run.err()).contains("package com.google.common.collect does not exist");
    assertThat(run.err())
        .contains(
            "hint: some classes could not be found. Pass the code's dependencies with --classpath");
    assertThat(run.err()).doesNotContain("\tat ");
  }

  @Test
  void sourcesThatDoNotParseGiveJavacsErrorsNotAStackTrace() {
    Run run = vet(sample("broken"));
    assertThat(run.status()).isEqualTo(Vet.USAGE_OR_INPUT_ERROR);
    assertThat(run.err()).contains("Broken.java:2:");
    assertThat(run.err()).contains("error:");
    assertThat(run.err()).doesNotContain("\tat ");
  }

  @Test
  void sarifOutputValidatesAgainstTheSarif210Schema() throws Exception {
    Run run = vet("--format", "sarif", sample("direction"));
    assertThat(run.status()).isEqualTo(Vet.FINDINGS);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode log = mapper.readTree(run.out());
    JsonSchema schema;
    try (InputStream in = VetTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      assertThat(in).isNotNull();
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    Set<ValidationMessage> problems = schema.validate(log);
    assertThat(problems).isEmpty();

    JsonNode sarifRun = log.get("runs").get(0);
    assertThat(sarifRun.at("/tool/driver/name").asText()).isEqualTo("conduit-vet");
    JsonNode result = sarifRun.get("results").get(0);
    assertThat(result.get("ruleId").asText()).isEqualTo("ChannelDirection");
    assertThat(result.get("level").asText()).isEqualTo("error");
    assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(10);
    assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .endsWith("shop/Orders.java");
    int ruleIndex = result.get("ruleIndex").asInt();
    JsonNode rule = sarifRun.at("/tool/driver/rules").get(ruleIndex);
    assertThat(rule.get("id").asText()).isEqualTo("ChannelDirection");
    String help = rule.get("helpUri").asText();
    assertThat(help).endsWith("docs/checks/ChannelDirection.md");
    assertThat(java.nio.file.Files.isRegularFile(Path.of(java.net.URI.create(help)))).isTrue();
    assertThat(run.err()).contains("conduit-vet: 2 findings");
  }

  @Test
  void oldJavaVersionsAreRecognised() {
    assertThat(dev.conduit.vet.launcher.Main.featureVersion("1.8")).isEqualTo(8);
    assertThat(dev.conduit.vet.launcher.Main.featureVersion("17")).isEqualTo(17);
    assertThat(dev.conduit.vet.launcher.Main.featureVersion("25")).isEqualTo(25);
  }
}
