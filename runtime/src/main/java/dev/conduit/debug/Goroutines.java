package dev.conduit.debug;

import dev.conduit.internal.GoroutineRecord;
import dev.conduit.internal.GoroutineRegistry;
import dev.conduit.internal.WaitDescriptions;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The goroutines Conduit started that are still alive, and Go's goroutine dump of them.
 *
 * <p>Every goroutine started through Conduit ({@code Go.go}, {@code WaitGroup.go}, {@code
 * ErrGroup.go}) is tracked from the moment it is started until its task returns or throws, and
 * never after. A channel operation that does not park records nothing; one that parks notes the
 * time; what it waits for is read when a dump is taken. Set the system property {@code
 * conduit.goroutines.tracking=false} to turn it off (then {@link #snapshot()} is always empty).
 *
 * <h2>The dump</h2>
 *
 * <pre>
 * goroutine 41 "goroutine-3" [chan send, 2 seconds]:
 *   waiting on chan #12 Channel.unbuffered(): len 0, cap 0
 *   at dev.conduit.internal.ChannelImpl.send(ChannelImpl.java:50)
 *   at com.example.Fetcher.lambda$fetch$0(Fetcher.java:31)
 * created by com.example.Fetcher.fetch(Fetcher.java:30) in goroutine 1 "main"
 * </pre>
 *
 * <p>The header gives the id, the name, the wait reason in Go's words and how long it has lasted;
 * then the channel (length, capacity and whether it is closed, as they are now), the stack from the
 * Conduit call down (Conduit's internals trimmed) and, with creation sites on, where it was
 * started.
 *
 * <h2>From outside the process</h2>
 *
 * <p>{@link #registerMBean()} registers {@value #OBJECT_NAME}, whose {@code dump} operation returns
 * the same text to JConsole, VisualVM or any JMX client (start the JMX agent of a running JVM with
 * {@code jcmd PID ManagementAgent.start_local}).
 */
public final class Goroutines {
  /** The JMX name under which {@link #registerMBean()} registers the dump. */
  public static final String OBJECT_NAME = "dev.conduit:type=Goroutines";

  private Goroutines() {}

  /**
   * Whether goroutines are tracked in this JVM (system property {@code
   * conduit.goroutines.tracking}).
   */
  public static boolean isTracking() {
    return GoroutineRegistry.TRACKING;
  }

  /**
   * Records where each goroutine started from now on is started (its creation site, printed as
   * {@code created by}). Off unless the system property {@code conduit.goroutines.creationSites} is
   * {@code true}: capturing a stack costs a few microseconds per goroutine started.
   */
  public static void setCreationSites(boolean on) {
    GoroutineRegistry.setCreationSites(on);
  }

  /** Whether creation sites are recorded. */
  public static boolean creationSites() {
    return GoroutineRegistry.creationSites();
  }

  /** Every goroutine alive now, by id. */
  public static List<GoroutineInfo> snapshot() {
    List<GoroutineInfo> all = new ArrayList<>();
    long now = System.nanoTime();
    for (GoroutineRecord record : GoroutineRegistry.live()) {
      Thread thread = record.thread();
      if (thread.getState() == Thread.State.TERMINATED) {
        continue;
      }
      all.add(describe(record, thread, now));
    }
    all.sort(Comparator.comparingLong(GoroutineInfo::id));
    return all;
  }

  private static GoroutineInfo describe(GoroutineRecord record, Thread thread, long now) {
    StackTraceElement[] stack = thread.getStackTrace();
    WaitDescriptions.Wait wait = WaitDescriptions.describe(thread, record, stack);
    StackTraceElement[] created = record.creationSite();
    return new GoroutineInfo(
        record.id(),
        thread.getName(),
        state(thread.getState()),
        wait.reason(),
        wait.reason() != null && wait.since() != 0
            ? Duration.ofNanos(Math.max(0, now - wait.since()))
            : null,
        wait.waitingOn(),
        Frames.trim(stack),
        created == null ? List.of() : Arrays.asList(created),
        record.parentId(),
        record.parentName());
  }

  private static String state(Thread.State state) {
    return switch (state) {
      case NEW, RUNNABLE -> "runnable";
      default -> state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }

  /** The goroutine dump of every goroutine alive now. */
  public static String dump() {
    return format(snapshot());
  }

  /** Prints {@link #dump()} to {@code out}. */
  public static void dump(PrintStream out) {
    out.print(dump());
    out.flush();
  }

  /** The goroutine dump of {@code goroutines}, in order, separated by blank lines. */
  public static String format(Collection<GoroutineInfo> goroutines) {
    StringBuilder out = new StringBuilder();
    for (GoroutineInfo goroutine : goroutines) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(goroutine.format());
    }
    return out.toString();
  }

  /**
   * Registers the MBean {@value #OBJECT_NAME} on the platform MBean server, so that a JMX client
   * can take a dump of a running process; does nothing if it is registered already.
   *
   * @throws IllegalStateException if the platform MBean server refuses it
   */
  public static void registerMBean() {
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      ObjectName name = new ObjectName(OBJECT_NAME);
      if (!server.isRegistered(name)) {
        server.registerMBean(new GoroutinesBean(), name);
      }
    } catch (InstanceAlreadyExistsException raced) {
      // Another thread registered it between the check and the registration.
    } catch (JMException e) {
      throw new IllegalStateException("cannot register " + OBJECT_NAME, e);
    }
  }

  /** What JMX sees. */
  private static final class GoroutinesBean implements GoroutinesMXBean {
    @Override
    public String dump() {
      return Goroutines.dump();
    }

    @Override
    public int getCount() {
      return snapshot().size();
    }

    @Override
    public boolean isCreationSites() {
      return creationSites();
    }

    @Override
    public void setCreationSites(boolean on) {
      Goroutines.setCreationSites(on);
    }
  }
}
