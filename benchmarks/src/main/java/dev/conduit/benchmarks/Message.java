package dev.conduit.benchmarks;

/** What the benchmarks send: one shared object, so no competitor pays for boxing. */
final class Message {
  static final Object VALUE = new Object();

  private Message() {}
}
