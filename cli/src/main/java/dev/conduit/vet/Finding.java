package dev.conduit.vet;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * One finding of one rule at one place.
 *
 * @param fix the rule's suggested fixes as Error Prone shows them, each the fixed line in quotes
 *     ({@code 'a' or 'b'}); empty when the rule offers none
 */
record Finding(Path file, long line, long column, String rule, String message, String fix)
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

  /**
   * {@code file:line:col: [Rule] message}, the format editors and CI logs link up, then an indented
   * {@code fix: ...} line when the rule suggests one ({@code -XepPatchChecks} applies the first).
   */
  String toLine() {
    String finding = file + ":" + line + ":" + column + ": [" + rule + "] " + message;
    return fix.isEmpty() ? finding : finding + System.lineSeparator() + "    fix: " + fix;
  }
}
