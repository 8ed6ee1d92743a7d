package dev.conduit.benchmarks;

/** The competitors' names, as they appear in JMH's {@code impl} parameter and the report. */
final class Impl {
  static final String CONDUIT = "conduit";

  /**
   * Conduit's {@code Channel<Integer>} carrying distinct {@code int}s, boxed as Java boxes them.
   */
  static final String CONDUIT_INTEGER = "conduit-Integer";

  /**
   * Conduit's primitive channel: {@code RawChannel}, called exactly as a generated {@code
   * IntChannel} calls it ({@code send((long) v)}, {@code (int) receive()}).
   */
  static final String CONDUIT_INT = "conduit-int";

  static final String JOX = "jox";
  static final String KOTLIN = "kotlin";
  static final String SYNCHRONOUS_QUEUE = "SynchronousQueue";
  static final String ARRAY_BLOCKING_QUEUE = "ArrayBlockingQueue";
  static final String LINKED_TRANSFER_QUEUE = "LinkedTransferQueue";
  static final String EXCHANGER = "Exchanger";

  private Impl() {}
}
