package dev.conduit.vocabulary;

/**
 * The fully-qualified names of the Conduit types and annotations that the processor and the checks
 * recognise, and the names of the classes the processor generates inside a channel class.
 */
public final class ConduitTypes {

  /** The package of Conduit's runtime. */
  public static final String RUNTIME_PACKAGE = "dev.conduit";

  /** The package of Conduit's annotations. */
  public static final String ANNOTATIONS_PACKAGE = "dev.conduit.annotations";

  public static final String CHANNEL = "dev.conduit.Channel";
  public static final String RAW_CHANNEL = "dev.conduit.RawChannel";
  public static final String SEND_SELECTABLE = "dev.conduit.SendSelectable";
  public static final String RECEIVE_SELECTABLE = "dev.conduit.ReceiveSelectable";
  public static final String SELECT = "dev.conduit.Select";
  public static final String CONTEXT = "dev.conduit.Context";
  public static final String CANCELLABLE_CONTEXT = "dev.conduit.CancellableContext";
  public static final String AFTER_FUNC = "dev.conduit.AfterFunc";
  public static final String TICKER = "dev.conduit.Ticker";
  public static final String WAIT_GROUP = "dev.conduit.WaitGroup";
  public static final String ERR_GROUP = "dev.conduit.ErrGroup";
  public static final String GO = "dev.conduit.Go";

  public static final String SEND_ONLY = "dev.conduit.annotations.SendOnly";
  public static final String RECEIVE_ONLY = "dev.conduit.annotations.ReceiveOnly";
  public static final String REQUIRES_CONTEXT = "dev.conduit.annotations.RequiresContext";
  public static final String GENERATE_CHANNEL = "dev.conduit.annotations.GenerateChannel";

  /**
   * The simple names of the nested classes of a generated channel ({@code OrderChannel.SendEnd},
   * {@code IntChannel.ReceiveEnd}): the shape by which both tools know a generated channel.
   */
  public static final String SEND_END = "SendEnd";

  public static final String RECEIVE_END = "ReceiveEnd";

  /** The Java queues that Conduit's direction annotations also apply to. */
  public static final String BLOCKING_QUEUE = "java.util.concurrent.BlockingQueue";

  /**
   * The annotation that marks generated code: the processor puts it on what it generates, and the
   * checks report nothing inside a class that carries it.
   */
  public static final String GENERATED = "javax.annotation.processing.Generated";

  private ConduitTypes() {}
}
