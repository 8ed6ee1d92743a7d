package dev.conduit.processor;

/**
 * Qualified names of the types the processor looks for. They are matched by name, so the processor
 * needs neither the annotations nor the runtime on its own path, and still works when the user's
 * class path lacks one of them.
 */
final class Names {
  static final String SEND_ONLY = "dev.conduit.annotations.SendOnly";
  static final String RECEIVE_ONLY = "dev.conduit.annotations.ReceiveOnly";
  static final String REQUIRES_CONTEXT = "dev.conduit.annotations.RequiresContext";
  static final String GENERATE_CHANNEL = "dev.conduit.annotations.GenerateChannel";

  static final String CHANNEL = "dev.conduit.Channel";
  static final String CONTEXT = "dev.conduit.Context";
  static final String RAW_CHANNEL = "dev.conduit.RawChannel";
  static final String RECEIVE_SELECTABLE = "dev.conduit.ReceiveSelectable";
  static final String SEND_SELECTABLE = "dev.conduit.SendSelectable";
  static final String BLOCKING_QUEUE = "java.util.concurrent.BlockingQueue";

  static final String GENERATED = "javax.annotation.processing.Generated";

  private Names() {}
}
