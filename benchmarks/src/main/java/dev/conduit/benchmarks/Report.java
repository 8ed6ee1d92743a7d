package dev.conduit.benchmarks;

import dev.conduit.benchmarks.Results.Cell;
import dev.conduit.benchmarks.Results.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The README's tables, in Markdown: time per operation with each competitor's ratio, allocation per
 * operation, heap per parked goroutine, and the targets with whether they are met.
 *
 * <p>Every ratio is Conduit's figure divided by the competitor's: below 1 Conduit is faster (or
 * smaller), which is how the targets are stated ("at most 0.8× jox's time").
 */
final class Report {
  /** A performance goal for Conduit, as a ratio to one competitor on one shape. */
  record Target(String shapePrefix, String competitor, double limit) {}

  static final List<Target> TARGETS =
      List.of(
          new Target("ping-pong, unbuffered", Impl.SYNCHRONOUS_QUEUE, 1.0),
          new Target("ping-pong, unbuffered", Impl.JOX, 0.8),
          new Target("ping-pong, unbuffered", Impl.KOTLIN, 1.2),
          new Target("select over 1,", Impl.JOX, 0.8),
          new Target("select over 2,", Impl.JOX, 0.8),
          new Target("select over 2,", Impl.KOTLIN, 1.2),
          new Target("10,000 pairs", Impl.ARRAY_BLOCKING_QUEUE, 0.9));

  /** How much slower than its median fork Conduit's slowest fork may be, in any shape. */
  static final double FORK_LIMIT = 1.5;

  /** Heap per parked goroutine that Conduit should stay within: 1.2 KB, read as 1,200 bytes. */
  static final double PARKED_LIMIT_BYTES = 1_200;

  private Report() {}

  static String markdown(List<Row> rows, Map<String, Double> parked) {
    StringBuilder out = new StringBuilder();
    List<String> impls = present(rows, parked);
    out.append("Time per operation (ns/op; ± half the spread between the slowest and fastest")
        .append(" measured iteration; with several forks, each fork's own figure in brackets),")
        .append(" and Conduit's time divided by each competitor's (below 1×: Conduit is faster):")
        .append("\n\n");
    table(out, rows, impls, Cell::nanosPerOp, true);
    out.append("\nAllocation per operation (B/op, JMH's `-prof gc` `gc.alloc.rate.norm`):\n\n");
    table(out, rows, impls, Cell::bytesPerOp, false);
    if (!parked.isEmpty()) {
      out.append("\nHeap per goroutine parked in `receive` (bytes; used heap after a full GC, ")
          .append("before and after parking them, divided by their number):\n\n");
      header(out, impls);
      out.append("| parked in receive |");
      Double conduit = parked.get(Impl.CONDUIT);
      for (String impl : impls) {
        Double bytes = parked.get(impl);
        out.append(' ').append(bytes == null ? "—" : format(bytes));
        if (bytes != null && conduit != null && !impl.equals(Impl.CONDUIT)) {
          out.append(" · ").append(ratio(conduit / bytes));
        }
        out.append(" |");
      }
      out.append('\n');
    }
    out.append("\nTargets (Conduit ÷ competitor, in this run):\n\n");
    out.append("| target | limit | measured | met |\n|---|---:|---:|:-:|\n");
    for (Target target : TARGETS) {
      Double measured = ratio(rows, target);
      out.append("| ")
          .append(target.shapePrefix().replaceAll(",( unbuffered)?$", ""))
          .append(" vs ")
          .append(target.competitor())
          .append(" | ≤ ")
          .append(ratio(target.limit()))
          .append(" | ")
          .append(measured == null ? "not run" : ratio(measured))
          .append(" | ")
          .append(measured == null ? "—" : measured <= target.limit() ? "yes" : "no")
          .append(" |\n");
    }
    forkTarget(out, rows);
    primitiveTargets(out, rows);
    bytesTarget(out, "heap per parked goroutine", PARKED_LIMIT_BYTES, parked.get(Impl.CONDUIT));
    return out.toString();
  }

  /** A target row for a figure in bytes that must stay within {@code limit}; null: not run. */
  private static void bytesTarget(StringBuilder out, String name, double limit, Double measured) {
    out.append("| ")
        .append(name)
        .append(" | ≤ ")
        .append(format(limit))
        .append(" B | ")
        .append(measured == null ? "not run" : format(measured) + " B")
        .append(" | ")
        .append(measured == null ? "—" : measured <= limit ? "yes" : "no")
        .append(" |\n");
  }

  /** The shape in which the primitive channel's own allocation per message is measured. */
  static final String NO_WAIT_SHAPE = "buffered(16), no waiting";

  /**
   * What the primitive channel allocates per message where nobody waits, in bytes. JMH's counter is
   * exact to a fraction of a byte over the 100,000 messages of an operation; any real allocation
   * per message, such as a box, is 16 bytes or more.
   */
  static final double PRIMITIVE_BYTES_LIMIT = 0.5;

  /**
   * The primitive channel's two targets: no allocation of its own per message, and no slower than
   * {@code Channel<Integer>} in any shape where both ran.
   */
  private static void primitiveTargets(StringBuilder out, List<Row> rows) {
    Double bytes = null;
    double worst = 0;
    String where = null;
    for (Row row : rows) {
      Cell primitive = row.cells().get(Impl.CONDUIT_INT);
      Cell boxed = row.cells().get(Impl.CONDUIT_INTEGER);
      if (primitive == null) {
        continue;
      }
      if (row.shape().startsWith(NO_WAIT_SHAPE)) {
        bytes = primitive.bytesPerOp();
      }
      if (boxed != null && primitive.nanosPerOp() / boxed.nanosPerOp() > worst) {
        worst = primitive.nanosPerOp() / boxed.nanosPerOp();
        where = row.shape();
      }
    }
    bytesTarget(
        out, "conduit-int allocation per message, no waiting", PRIMITIVE_BYTES_LIMIT, bytes);
    out.append("| conduit-int ÷ conduit-Integer, worst shape | ≤ ")
        .append(ratio(1.0))
        .append(" | ");
    if (where == null) {
      out.append("not run | — |\n");
      return;
    }
    out.append(ratio(worst))
        .append(" (")
        .append(where)
        .append(") | ")
        .append(worst <= 1.0 ? "yes" : "no")
        .append(" |\n");
  }

  /** Conduit's slowest fork against its median fork, in the shape where that is worst. */
  private static void forkTarget(StringBuilder out, List<Row> rows) {
    double worst = 0;
    String where = null;
    int forks = 0;
    for (Row row : rows) {
      Cell conduit = row.conduit();
      if (conduit != null && conduit.slowestToMedianFork() > worst) {
        worst = conduit.slowestToMedianFork();
        where = row.shape();
        forks = conduit.forks().size();
      }
    }
    out.append("| conduit's slowest fork ÷ its median fork, worst shape | ≤ ")
        .append(ratio(FORK_LIMIT))
        .append(" | ");
    if (where == null || forks < 2) {
      out.append("one fork only | — |\n");
      return;
    }
    out.append(ratio(worst))
        .append(" (")
        .append(where)
        .append(") | ")
        .append(worst <= FORK_LIMIT ? "yes" : "no")
        .append(" |\n");
  }

  /** Conduit's time divided by the competitor's on the target's shape, or null if not run. */
  static Double ratio(List<Row> rows, Target target) {
    for (Row row : rows) {
      if (row.shape().startsWith(target.shapePrefix())) {
        Cell conduit = row.conduit();
        Cell other = row.cells().get(target.competitor());
        if (conduit != null && other != null) {
          return conduit.nanosPerOp() / other.nanosPerOp();
        }
      }
    }
    return null;
  }

  private static void table(
      StringBuilder out,
      List<Row> rows,
      List<String> impls,
      ToDoubleFunction<Cell> metric,
      boolean withErrorAndRatio) {
    header(out, impls);
    for (Row row : rows) {
      out.append("| ").append(row.shape()).append(" |");
      Cell conduit = row.conduit();
      for (String impl : impls) {
        Cell cell = row.cells().get(impl);
        out.append(' ');
        if (cell == null || Double.isNaN(metric.applyAsDouble(cell))) {
          out.append("—");
        } else {
          double value = metric.applyAsDouble(cell);
          out.append(format(value));
          if (withErrorAndRatio) {
            if (!Double.isNaN(cell.spread())) {
              out.append(" ±").append(Math.round(100 * cell.spread())).append('%');
            }
            if (cell.forks().size() > 1) {
              out.append(" [");
              for (int f = 0; f < cell.forks().size(); f++) {
                out.append(f == 0 ? "" : " · ").append(format(cell.forks().get(f)));
              }
              out.append(']');
            }
            if (conduit != null && !impl.equals(Impl.CONDUIT)) {
              out.append(" · ").append(ratio(metric.applyAsDouble(conduit) / value));
            }
          }
        }
        out.append(" |");
      }
      out.append('\n');
    }
  }

  private static void header(StringBuilder out, List<String> impls) {
    out.append("| shape |");
    for (String impl : impls) {
      out.append(' ').append(impl).append(" |");
    }
    out.append("\n|---|");
    out.append("---:|".repeat(impls.size()));
    out.append('\n');
  }

  private static List<String> present(List<Row> rows, Map<String, Double> parked) {
    List<String> impls = new ArrayList<>();
    for (String impl : Results.IMPLS) {
      boolean found = parked.containsKey(impl);
      for (Row row : rows) {
        found |= row.cells().containsKey(impl);
      }
      if (found) {
        impls.add(impl);
      }
    }
    return impls;
  }

  static String format(double value) {
    if (Double.isNaN(value)) {
      return "—";
    }
    return value < 10
        ? String.format(Locale.ROOT, "%.2f", value)
        : value < 100
            ? String.format(Locale.ROOT, "%.1f", value)
            : String.format(Locale.ROOT, "%,.0f", value);
  }

  static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2f×", value);
  }
}
