package dev.conduit.lsp;

import java.util.List;

/**
 * One finding in one file, with offsets into the text that was analysed (UTF-16 units, as both
 * javac and the Language Server Protocol count them).
 *
 * @param rule the Error Prone rule or the processor's {@code Conduit...} id
 * @param error whether the rule's configured level is ERROR (else a warning)
 * @param fixes the rule's suggested fixes, most preferred first
 */
record Finding(
    String rule, String message, boolean error, int start, int end, List<FixSuggestion> fixes) {

  /** One suggested fix: replacements in the analysed text. */
  record FixSuggestion(String title, List<Edit> edits) {}

  /** Replace {@code [start, end)} with {@code text}. */
  record Edit(int start, int end, String text) {}
}
