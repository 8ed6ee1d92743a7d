package dev.conduit.debug;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One goroutine as a dump saw it: a snapshot, not a live view.
 *
 * @param id the goroutine's id, its virtual thread's {@link Thread#threadId()} (the id {@code jcmd
 *     Thread.dump_to_file} shows too)
 * @param name its thread's name ({@code goroutine-N} unless it was started with a name)
 * @param state {@code runnable}, or {@code waiting} when parked outside any wait Conduit knows
 * @param waitReason the wait reason in Go's words ({@code chan send}, {@code chan receive}, {@code
 *     select}, {@code select (no cases)}, {@code WaitGroup.await}, {@code ErrGroup.await}, {@code
 *     sleep}), or null when it is not blocked in one of these
 * @param waiting how long it has been waiting, or null if not known
 * @param waitingOn the channel (or, for a select, every clause's channel) with its length, capacity
 *     and whether it is closed, read when the dump was taken; null if none
 * @param stack its stack, top first, from the Conduit call the user made down to the user's
 *     outermost frame (Conduit's and the JDK's internals trimmed)
 * @param createdBy the stack of the {@code go} call that started it, when creation sites are on
 *     (see {@link Goroutines#setCreationSites}); empty otherwise. The dump prints its first frame,
 *     as Go does.
 * @param parentId the id of the thread that started it
 * @param parentName the name of the thread that started it
 */
public record GoroutineInfo(
    long id,
    String name,
    String state,
    @Nullable String waitReason,
    @Nullable Duration waiting,
    @Nullable String waitingOn,
    List<StackTraceElement> stack,
    List<StackTraceElement> createdBy,
    long parentId,
    String parentName) {

  public GoroutineInfo {
    stack = List.copyOf(stack);
    createdBy = List.copyOf(createdBy);
  }

  /**
   * The topmost frame of user code ({@code com.example.Worker.run}, as class and method), the frame
   * a leak check's "ignore top frame" option matches; null if the stack has none.
   */
  public @Nullable String topFunction() {
    for (StackTraceElement frame : stack) {
      if (!Frames.isConduitOrJdk(frame)) {
        return frame.getClassName() + "." + frame.getMethodName();
      }
    }
    return null;
  }

  /** This goroutine in the format of a Go goroutine dump (see {@link Goroutines#dump()}). */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append("goroutine ").append(id).append(" \"").append(name).append("\" [");
    out.append(waitReason != null ? waitReason : state);
    if (waiting != null) {
      out.append(", ").append(Frames.duration(waiting));
    }
    out.append("]:\n");
    if (waitingOn != null) {
      out.append("  waiting on ").append(waitingOn).append('\n');
    }
    for (StackTraceElement frame : stack) {
      out.append("\tat ").append(frame).append('\n');
    }
    if (!createdBy.isEmpty()) {
      out.append("created by ")
          .append(createdBy.get(0))
          .append(" in goroutine ")
          .append(parentId)
          .append(" \"")
          .append(parentName)
          .append("\"\n");
    }
    return out.toString();
  }
}
