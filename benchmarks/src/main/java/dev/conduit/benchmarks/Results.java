package dev.conduit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JMH's JSON result file, regrouped the way the README compares: one {@link Row} per shape (a
 * benchmark method with its non-competitor parameters), one {@link Cell} per competitor.
 */
final class Results {
  /** Column order everywhere: Conduit first, then the other channel libraries, then the JDK. */
  static final List<String> IMPLS =
      List.of(
          Impl.CONDUIT,
          Impl.JOX,
          Impl.KOTLIN,
          Impl.SYNCHRONOUS_QUEUE,
          Impl.ARRAY_BLOCKING_QUEUE,
          Impl.LINKED_TRANSFER_QUEUE,
          Impl.EXCHANGER);

  /** One competitor's figures for one shape. */
  record Cell(double nanosPerOp, double error, double bytesPerOp) {}

  /** One shape: what the README calls it, and every competitor that ran it. */
  record Row(String shape, Map<String, Cell> cells) {
    Cell conduit() {
      return cells.get(Impl.CONDUIT);
    }
  }

  private Results() {}

  static List<Row> read(Path jmhJson) throws IOException {
    Object parsed = Json.parse(Files.readString(jmhJson));
    Map<String, Map<String, Cell>> shapes = new LinkedHashMap<>();
    for (Object entry : (List<?>) parsed) {
      Map<?, ?> run = (Map<?, ?>) entry;
      String benchmark = (String) run.get("benchmark");
      Map<?, ?> params = run.get("params") instanceof Map<?, ?> p ? p : Map.of();
      String impl = String.valueOf(params.get("impl"));
      Map<?, ?> primary = (Map<?, ?>) run.get("primaryMetric");
      if (!"ns/op".equals(primary.get("scoreUnit"))) {
        throw new IllegalArgumentException(benchmark + " is in " + primary.get("scoreUnit")
            + "; the report compares ns/op");
      }
      double bytes = Double.NaN;
      if (run.get("secondaryMetrics") instanceof Map<?, ?> secondary
          && secondary.get("gc.alloc.rate.norm") instanceof Map<?, ?> alloc) {
        bytes = number(alloc.get("score"));
      }
      Cell cell = new Cell(number(primary.get("score")), number(primary.get("scoreError")), bytes);
      shapes.computeIfAbsent(shape(benchmark, params), k -> new LinkedHashMap<>()).put(impl, cell);
    }
    List<Row> rows = new ArrayList<>();
    shapes.forEach((shape, cells) -> rows.add(new Row(shape, cells)));
    return rows;
  }

  /** The README's name for a benchmark method and its parameters other than {@code impl}. */
  static String shape(String benchmark, Map<?, ?> params) {
    String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
    String type = benchmark.substring(0, benchmark.lastIndexOf('.'));
    type = type.substring(type.lastIndexOf('.') + 1);
    return switch (type + "." + method) {
      case "PingPongBenchmark.roundTrip" -> "ping-pong, unbuffered (round trip)";
      case "BufferedBenchmark.oneToOne" -> "buffered(" + params.get("capacity") + "), 1 → 1";
      case "BufferedBenchmark.fourToFour" -> "buffered(" + params.get("capacity") + "), 4 → 4";
      case "PairsBenchmark.pairs" -> count(params.get("pairs")) + " pairs, buffered(16)";
      case "PipelineBenchmark.pipeline" ->
          "pipeline, " + count(params.get("stages")) + " stages (message)";
      case "SelectBenchmark.select" -> "select over " + params.get("channels") + ", unbuffered";
      default ->
          type + "." + method + params.entrySet().stream()
              .filter(e -> !"impl".equals(e.getKey()))
              .map(e -> " " + e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining());
    };
  }

  private static String count(Object param) {
    try {
      return String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(String.valueOf(param)));
    } catch (NumberFormatException e) {
      return String.valueOf(param);
    }
  }

  /** Reads ParkedHeap's figures as RunBenchmarks saved them: {@code {"impl": bytes, ...}}. */
  static Map<String, Double> readParked(Path json) throws IOException {
    Map<String, Double> bytes = new LinkedHashMap<>();
    ((Map<?, ?>) Json.parse(Files.readString(json)))
        .forEach((impl, value) -> bytes.put((String) impl, number(value)));
    return bytes;
  }

  private static double number(Object value) {
    if (value instanceof Double d) {
      return d;
    }
    if (value instanceof String s) {
      return Double.parseDouble(s); // JMH quotes NaN and infinities
    }
    return Double.NaN;
  }
}
