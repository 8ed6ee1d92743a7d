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
          Impl.CONDUIT_INTEGER,
          Impl.CONDUIT_INT,
          Impl.JOX,
          Impl.KOTLIN,
          Impl.SYNCHRONOUS_QUEUE,
          Impl.ARRAY_BLOCKING_QUEUE,
          Impl.LINKED_TRANSFER_QUEUE,
          Impl.EXCHANGER);

  /** Row order: the order the README's shape list uses, not JMH's alphabetical one. */
  private static final List<String> METHODS =
      List.of(
          "PingPongBenchmark.roundTrip",
          "PlatformPingPongBenchmark.roundTrip",
          "BufferedBenchmark.oneToOne",
          "BufferedBenchmark.fourToFour",
          "NoWaitBenchmark.sendThenReceive",
          "PairsBenchmark.pairs",
          "PipelineBenchmark.pipeline",
          "SelectBenchmark.select");

  /**
   * One competitor's figures for one shape.
   *
   * @param spread half the distance between the slowest and fastest measured iteration, as a
   *     fraction of the score (JMH's own 99.9% interval is meaningless over three iterations)
   * @param forks each fork's own score (the mean of its measured iterations), in fork order, so
   *     that a fork stuck in a slow regime shows rather than vanishing into the mean
   */
  record Cell(double nanosPerOp, double spread, double bytesPerOp, List<Double> forks) {
    Cell {
      forks = List.copyOf(forks);
    }

    /** The slowest fork's score divided by the median fork's; 1 for a single fork. */
    double slowestToMedianFork() {
      if (forks.size() < 2) {
        return 1;
      }
      List<Double> sorted = forks.stream().sorted().toList();
      int n = sorted.size();
      double median =
          n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
      return sorted.get(n - 1) / median;
    }
  }

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
    Map<String, Integer> ranks = new LinkedHashMap<>();
    for (Object entry : (List<?>) parsed) {
      Map<?, ?> run = (Map<?, ?>) entry;
      String benchmark = (String) run.get("benchmark");
      Map<?, ?> params = run.get("params") instanceof Map<?, ?> p ? p : Map.of();
      String impl = String.valueOf(params.get("impl"));
      Map<?, ?> primary = (Map<?, ?>) run.get("primaryMetric");
      if (!"ns/op".equals(primary.get("scoreUnit"))) {
        throw new IllegalArgumentException(
            benchmark + " is in " + primary.get("scoreUnit") + "; the report compares ns/op");
      }
      double bytes = Double.NaN;
      if (run.get("secondaryMetrics") instanceof Map<?, ?> secondary
          && secondary.get("gc.alloc.rate.norm") instanceof Map<?, ?> alloc) {
        bytes = number(alloc.get("score"));
      }
      double score = number(primary.get("score"));
      Object raw = primary.get("rawData");
      Cell cell = new Cell(score, spread(raw, score), bytes, forkScores(raw));
      String shape = shape(benchmark, params);
      shapes.computeIfAbsent(shape, k -> new LinkedHashMap<>()).put(impl, cell);
      ranks.put(shape, rank(benchmark));
    }
    List<Row> rows = new ArrayList<>();
    shapes.forEach((shape, cells) -> rows.add(new Row(shape, cells)));
    rows.sort(java.util.Comparator.comparingInt(row -> ranks.get(row.shape())));
    return rows;
  }

  private static int rank(String benchmark) {
    String method =
        benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
    int rank = METHODS.indexOf(method);
    return rank < 0 ? METHODS.size() : rank;
  }

  /** JMH's {@code rawData}: one list of iteration scores per fork. */
  private static double spread(Object rawData, double score) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    if (rawData instanceof List<?> forks) {
      for (Object fork : forks) {
        for (Object iteration : (List<?>) fork) {
          double value = number(iteration);
          min = Math.min(min, value);
          max = Math.max(max, value);
        }
      }
    }
    return max >= min && score > 0 ? (max - min) / 2 / score : Double.NaN;
  }

  /** JMH's {@code rawData}: each fork's mean over its measured iterations. */
  private static List<Double> forkScores(Object rawData) {
    List<Double> scores = new ArrayList<>();
    if (rawData instanceof List<?> forks) {
      for (Object fork : forks) {
        double sum = 0;
        int n = 0;
        for (Object iteration : (List<?>) fork) {
          sum += number(iteration);
          n++;
        }
        if (n > 0) {
          scores.add(sum / n);
        }
      }
    }
    return scores;
  }

  /** The README's name for a benchmark method and its parameters other than {@code impl}. */
  static String shape(String benchmark, Map<?, ?> params) {
    String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
    String type = benchmark.substring(0, benchmark.lastIndexOf('.'));
    type = type.substring(type.lastIndexOf('.') + 1);
    return switch (type + "." + method) {
      case "PingPongBenchmark.roundTrip" -> "ping-pong, unbuffered (round trip)";
      case "PlatformPingPongBenchmark.roundTrip" -> "ping-pong, platform threads (round trip)";
      case "BufferedBenchmark.oneToOne" -> "buffered(" + params.get("capacity") + "), 1 → 1";
      case "BufferedBenchmark.fourToFour" -> "buffered(" + params.get("capacity") + "), 4 → 4";
      case "NoWaitBenchmark.sendThenReceive" -> "buffered(16), no waiting (send, then receive)";
      case "PairsBenchmark.pairs" -> count(params.get("pairs")) + " pairs, buffered(16)";
      case "PipelineBenchmark.pipeline" ->
          "pipeline, " + count(params.get("stages")) + " stages (message)";
      case "SelectBenchmark.select" -> "select over " + params.get("channels") + ", unbuffered";
      default ->
          type
              + "."
              + method
              + params.entrySet().stream()
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
