package dev.conduit.lsp;

import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** An open file: the editor's text, and the findings of the last analysis that completed. */
final class Document {
  final String uri;

  /** Bumped by every edit; an analysis of an older generation stops and publishes nothing. */
  final AtomicLong generation = new AtomicLong();

  private String text;
  private int version;
  private @Nullable Future<?> pending;
  private @Nullable Analysed analysed;
  private boolean toldAboutSyntax;
  private boolean toldAboutOrder;

  /** What an analysis found in one exact text. */
  record Analysed(String text, List<Finding> findings) {}

  Document(String uri, String text, int version) {
    this.uri = uri;
    this.text = text;
    this.version = version;
  }

  synchronized String text() {
    return text;
  }

  synchronized int version() {
    return version;
  }

  synchronized void update(String newText, int newVersion) {
    text = newText;
    version = newVersion;
  }

  synchronized @Nullable Future<?> replacePending(@Nullable Future<?> next) {
    Future<?> old = pending;
    pending = next;
    return old;
  }

  synchronized @Nullable Analysed analysed() {
    return analysed;
  }

  synchronized void setAnalysed(Analysed a) {
    analysed = a;
  }

  /** True the first time a broken file is reported since it last parsed. */
  synchronized boolean firstSyntaxReport(boolean broken) {
    boolean first = broken && !toldAboutSyntax;
    toldAboutSyntax = broken;
    return first;
  }

  synchronized boolean firstOrderReport() {
    boolean first = !toldAboutOrder;
    toldAboutOrder = true;
    return first;
  }
}
