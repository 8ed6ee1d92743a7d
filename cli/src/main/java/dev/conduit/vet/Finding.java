package dev.conduit.vet;

import java.nio.file.Path;
import java.util.Comparator;

/** One finding of one rule at one place. */
record Finding(Path file, long line, long column, String rule, String message)
    implements Comparable<Finding> {

  private static final Comparator<Finding> ORDER =
      Comparator.comparing((Finding f) -> f.file().toString())
          .thenComparingLong(Finding::line)
          .thenComparingLong(Finding::column)
          .thenComparing(Finding::rule)
          .thenComparing(Finding::message);

  @Override
  public int compareTo(Finding other) {
    return ORDER.compare(this, other);
  }

  /** {@code file:line:col: [Rule] message}, the format editors and CI logs link up. */
  String toLine() {
    return file + ":" + line + ":" + column + ": [" + rule + "] " + message;
  }
}
