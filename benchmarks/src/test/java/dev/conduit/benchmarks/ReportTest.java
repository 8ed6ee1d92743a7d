package dev.conduit.benchmarks;

import static com.google.common.truth.Truth.assertThat;

import dev.conduit.benchmarks.Results.Row;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  private static String run(String benchmark, String params, double score, double bytes) {
    return """
    {"benchmark": "dev.conduit.benchmarks.%s", "mode": "avgt", "params": {%s},
     "primaryMetric": {"score": %s, "scoreError": "NaN", "scoreUnit": "ns/op",
                       "rawData": [[%s, %s]]},
     "secondaryMetrics": {"gc.alloc.rate.norm": {"score": %s, "scoreUnit": "B/op"}}}
    """
        .formatted(benchmark, params, score, score * 0.9, score * 1.1, bytes);
  }

  private static Path jmhJson(Path dir) throws Exception {
    // In JMH's order, alphabetical by class: the report puts ping-pong first.
    String json =
        "["
            + String.join(
                ",",
                run("PairsBenchmark.pairs", "\"impl\": \"conduit\", \"pairs\": \"10000\"", 95, 0),
                run(
                    "PairsBenchmark.pairs",
                    "\"impl\": \"ArrayBlockingQueue\", \"pairs\": \"10000\"",
                    100,
                    0),
                run("PingPongBenchmark.roundTrip", "\"impl\": \"conduit\"", 700, 176),
                run("PingPongBenchmark.roundTrip", "\"impl\": \"jox\"", 1000, 120),
                run("PingPongBenchmark.roundTrip", "\"impl\": \"kotlin\"", 500, 20))
            + "]";
    Path path = dir.resolve("jmh-result.json");
    Files.writeString(path, json);
    return path;
  }

  @Test
  void groupsRunsIntoShapesWithConduitFirst(@TempDir Path dir) throws Exception {
    List<Row> rows = Results.read(jmhJson(dir));

    assertThat(rows.stream().map(Row::shape))
        .containsExactly("ping-pong, unbuffered (round trip)", "10,000 pairs, buffered(16)")
        .inOrder();
    assertThat(rows.get(0).cells().keySet()).containsExactly("conduit", "jox", "kotlin");
    assertThat(rows.get(0).conduit().bytesPerOp()).isEqualTo(176.0);
    assertThat(rows.get(0).conduit().spread()).isWithin(1e-9).of(0.1);
  }

  /** Three forks, the last stuck in a regime twice as slow: the report must show it. */
  @Test
  void showsEveryForkAndJudgesTheSlowestAgainstTheMedian(@TempDir Path dir) throws Exception {
    String json =
        """
        [{"benchmark": "dev.conduit.benchmarks.PingPongBenchmark.roundTrip", "mode": "avgt",
          "params": {"impl": "conduit"},
          "primaryMetric": {"score": 1000.0, "scoreError": "NaN", "scoreUnit": "ns/op",
                            "rawData": [[700.0, 900.0], [800.0, 800.0], [1500.0, 1700.0]]}}]
        """;
    Path path = dir.resolve("jmh-result.json");
    Files.writeString(path, json);
    List<Row> rows = Results.read(path);

    assertThat(rows.get(0).conduit().forks()).containsExactly(800.0, 800.0, 1600.0).inOrder();
    assertThat(rows.get(0).conduit().slowestToMedianFork()).isWithin(1e-9).of(2.0);
    String markdown = Report.markdown(rows, Map.of());
    assertThat(markdown).contains("| 1,000 ±50% [800 · 800 · 1,600] |");
    assertThat(markdown)
        .contains(
            "| conduit's slowest fork ÷ its median fork, worst shape | ≤ 1.50× | 2.00×"
                + " (ping-pong, unbuffered (round trip)) | no |");
  }

  /**
   * The primitive channel's targets: its allocation where nobody waits, and its time against {@code
   * Channel<Integer>} in the shape where it does worst.
   */
  @Test
  void judgesThePrimitiveChannelOnAllocationAndAgainstTheBoxedChannel(@TempDir Path dir)
      throws Exception {
    String json =
        "["
            + String.join(
                ",",
                run("NoWaitBenchmark.sendThenReceive", "\"impl\": \"conduit-Integer\"", 40, 16.0),
                run("NoWaitBenchmark.sendThenReceive", "\"impl\": \"conduit-int\"", 30, 0.01),
                run("PingPongBenchmark.roundTrip", "\"impl\": \"conduit-Integer\"", 1000, 60),
                run("PingPongBenchmark.roundTrip", "\"impl\": \"conduit-int\"", 1100, 20))
            + "]";
    Path path = dir.resolve("jmh-result.json");
    Files.writeString(path, json);

    String markdown = Report.markdown(Results.read(path), Map.of());

    assertThat(markdown)
        .contains("| conduit-int allocation per message, no waiting | ≤ 0.50 B | 0.01 B | yes |");
    assertThat(markdown)
        .contains(
            "| conduit-int ÷ conduit-Integer, worst shape | ≤ 1.00× | 1.10×"
                + " (ping-pong, unbuffered (round trip)) | no |");
  }

  @Test
  void ratiosAreConduitOverCompetitorAndDecideTheTargets(@TempDir Path dir) throws Exception {
    List<Row> rows = Results.read(jmhJson(dir));

    String markdown = Report.markdown(rows, Map.of("conduit", 680.0, "kotlin", 340.0));

    assertThat(markdown)
        .contains("| ping-pong, unbuffered (round trip) | 700 ±10% | 1,000 ±10% · 0.70× |");
    assertThat(markdown).contains("500 ±10% · 1.40×");
    assertThat(markdown).contains("| ping-pong vs jox | ≤ 0.80× | 0.70× | yes |");
    assertThat(markdown).contains("| ping-pong vs kotlin | ≤ 1.20× | 1.40× | no |");
    assertThat(markdown).contains("| 10,000 pairs vs ArrayBlockingQueue | ≤ 0.90× | 0.95× | no |");
    assertThat(markdown).contains("| select over 2 vs jox | ≤ 0.80× | not run | — |");
    assertThat(markdown).contains("| heap per parked goroutine | ≤ 1,200 B | 680 B | yes |");
    assertThat(markdown).contains("| parked in receive | 680 | — | 340 · 2.00× |");
  }

  @Test
  void chartIsAPngWithAPanelPerShape(@TempDir Path dir) throws Exception {
    List<Row> rows = Results.read(jmhJson(dir));
    Path png = dir.resolve("chart.png");

    Chart.write(rows, Map.of("conduit", 680.0), "test run", png);

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isGreaterThan(1000);
    // Conduit's colour is drawn: its bars are there.
    boolean conduitBar = false;
    for (int y = 0; y < image.getHeight() && !conduitBar; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == 0x1565C0) {
          conduitBar = true;
          break;
        }
      }
    }
    assertThat(conduitBar).isTrue();
  }

  @Test
  void readmeSectionIsReplacedBetweenMarkersOnly(@TempDir Path dir) throws Exception {
    Path readme = dir.resolve("README.md");
    Files.writeString(
        readme,
        "intro\n" + RunBenchmarks.BEGIN + "\nold table\n" + RunBenchmarks.END + "\noutro\n");

    RunBenchmarks.updateReadme(readme, "new table\n");

    assertThat(Files.readString(readme))
        .isEqualTo(
            "intro\n" + RunBenchmarks.BEGIN + "\nnew table\n" + RunBenchmarks.END + "\noutro\n");
  }

  @Test
  void jsonReaderHandlesJmhsValues() {
    Object parsed = Json.parse("{\"a\": [1, -2.5e3, \"x\\\"y\", true, null], \"b\": NaN}");

    assertThat(parsed)
        .isEqualTo(
            Map.of(
                "a", java.util.Arrays.asList(1.0, -2500.0, "x\"y", true, null), "b", Double.NaN));
  }
}
