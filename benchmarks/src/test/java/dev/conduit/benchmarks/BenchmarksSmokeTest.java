package dev.conduit.benchmarks;

import static com.google.common.truth.Truth.assertThat;

import dev.conduit.benchmarks.Results.Row;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark once, in this JVM, with the large shapes shrunk, so that a benchmark that no
 * longer compiles, deadlocks or throws fails the build instead of rotting until the next
 * measurement. The figures it produces mean nothing.
 */
class BenchmarksSmokeTest {
  /** Every benchmark method times its parameter combinations, as declared in the classes. */
  private static final int EXPECTED_RUNS =
      8 // ping-pong: six rendezvous competitors, plus Conduit's Integer and int channels
          + 5 // ping-pong between platform threads: the five thread-blocking competitors
          + 6 * 2 * 2 // buffered: six (with the same two), two capacities, 1 → 1 and 4 → 4
          + 5 // no waiting: the buffered competitors but Kotlin
          + 4 // pairs
          + 6 // pipeline
          + 3 * 3; // select: three libraries, 1, 2 and 4 channels

  @Test
  void everyBenchmarkRunsOnceAndReports(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("jmh-result.json");
    Options options =
        new OptionsBuilder()
            .include(BenchmarksSmokeTest.class.getPackageName() + "\\..*Benchmark")
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(1))
            .timeout(TimeValue.seconds(60))
            .param("pairs", "100")
            .param("stages", "10")
            .shouldFailOnError(true)
            .resultFormat(ResultFormatType.JSON)
            .result(json.toString())
            .verbosity(VerboseMode.SILENT)
            .build();

    Collection<RunResult> results = new Runner(options).run();

    Set<String> runs = new HashSet<>();
    for (RunResult result : results) {
      String name =
          result.getParams().getBenchmark()
              + result.getParams().getParamsKeys().stream()
                  .map(key -> key + "=" + result.getParams().getParam(key))
                  .toList();
      runs.add(name);
      assertThat(result.getPrimaryResult().getScore()).isGreaterThan(0.0);
      assertThat(result.getParams().getTimeUnit()).isEqualTo(TimeUnit.NANOSECONDS);
    }
    assertThat(runs).hasSize(EXPECTED_RUNS);

    // The report reads JMH's real JSON: every run lands in a row, with Conduit in each.
    List<Row> rows = Results.read(json);
    assertThat(rows.stream().mapToInt(row -> row.cells().size()).sum()).isEqualTo(EXPECTED_RUNS);
    for (Row row : rows) {
      assertThat(row.conduit()).isNotNull();
    }
    Path png = dir.resolve("chart.png");
    Chart.write(rows, Map.of(), "smoke test", png);
    assertThat(ImageIO.read(png.toFile()).getWidth()).isGreaterThan(0);
  }
}
