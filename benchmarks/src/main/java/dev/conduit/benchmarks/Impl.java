package dev.conduit.benchmarks;

/** The competitors' names, as they appear in JMH's {@code impl} parameter and the report. */
final class Impl {
  static final String CONDUIT = "conduit";
  static final String JOX = "jox";
  static final String KOTLIN = "kotlin";
  static final String SYNCHRONOUS_QUEUE = "SynchronousQueue";
  static final String ARRAY_BLOCKING_QUEUE = "ArrayBlockingQueue";
  static final String LINKED_TRANSFER_QUEUE = "LinkedTransferQueue";
  static final String EXCHANGER = "Exchanger";

  private Impl() {}
}
