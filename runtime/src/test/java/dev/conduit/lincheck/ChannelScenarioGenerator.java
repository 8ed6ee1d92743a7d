package dev.conduit.lincheck;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.CTestStructure;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionGenerator;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.CTestConfiguration;
import org.jetbrains.lincheck.datastructures.RandomProvider;

/**
 * Random scenarios over {@link ChannelOperations} that can never block forever on a correct
 * channel, because Lincheck reports any execution in which every remaining thread is parked as a
 * deadlock.
 *
 * <p>The shape: the first {@code threads - 1} threads run any operations, blocking ones included;
 * the last thread, the <em>closer</em>, runs only operations that never wait and then closes both
 * channels. Once both are closed every waiting operation wakes (receives see "closed", sends and
 * select send clauses fail) and no later operation waits, so a correct channel always finishes; a
 * thread still parked is a lost wake-up. The initial part fills buffers with {@code trySend}s; the
 * final part drains both channels, which checks what each channel still holds. Every sent value is
 * distinct, so the model can tell which send a receive was paired with.
 */
public final class ChannelScenarioGenerator extends ExecutionGenerator {
  /**
   * What the racing threads pick from. The waiting operations on {@code a} and the waiting selects
   * appear twice: waiting, waking and selects claimed by two counterparts are where races are.
   */
  private static final String[] ANY = {
    "sendA",
    "sendA",
    "sendB",
    "trySendA",
    "trySendB",
    "receiveA",
    "receiveA",
    "receiveB",
    "tryReceiveA",
    "tryReceiveB",
    "selectReceive",
    "selectReceive",
    "selectReceiveOrElse",
    "selectReceiveASendB",
    "selectReceiveASendB",
    "selectReceiveASendBOrElse",
    "closeA",
    "closeB"
  };

  private static final String[] NEVER_WAITS = {
    "trySendA",
    "trySendB",
    "tryReceiveA",
    "tryReceiveB",
    "selectReceiveOrElse",
    "selectReceiveASendBOrElse"
  };

  /** What the racing threads pick from on raw channels, which have no select. */
  private static final String[] ANY_RAW =
      Arrays.stream(ANY).filter(op -> !op.startsWith("select")).toArray(String[]::new);

  private static final String[] NEVER_WAITS_RAW =
      Arrays.stream(NEVER_WAITS).filter(op -> !op.startsWith("select")).toArray(String[]::new);

  private final Random random;
  private final int capacity;
  private final String[] any;
  private final String[] neverWaits;
  private int nextValue;

  public ChannelScenarioGenerator(
      CTestConfiguration configuration, CTestStructure structure, RandomProvider randomProvider) {
    super(configuration, structure);
    this.random = randomProvider.createRandom();
    this.capacity = ChannelOperations.capacityOf(configuration.getTestClass());
    boolean raw = ChannelOperations.rawOf(configuration.getTestClass());
    this.any = raw ? ANY_RAW : ANY;
    this.neverWaits = raw ? NEVER_WAITS_RAW : NEVER_WAITS;
  }

  @Override
  public ExecutionScenario nextExecution() {
    nextValue = 1;
    int threads = Math.max(2, testConfiguration.getThreads());
    int perThread = testConfiguration.getActorsPerThread();
    List<Actor> init = new ArrayList<>();
    for (int i = 0; i < testConfiguration.getActorsBefore(); i++) {
      init.add(actor(random.nextBoolean() ? "trySendA" : "trySendB"));
    }
    List<List<Actor>> parallel = new ArrayList<>();
    for (int t = 0; t < threads - 1; t++) {
      List<Actor> thread = new ArrayList<>();
      for (int i = 0; i < perThread; i++) {
        thread.add(actor(any[random.nextInt(any.length)]));
      }
      parallel.add(thread);
    }
    List<Actor> closer = new ArrayList<>();
    for (int i = 0; i < perThread - 2; i++) {
      closer.add(actor(neverWaits[random.nextInt(neverWaits.length)]));
    }
    boolean aFirst = random.nextBoolean();
    closer.add(actor(aFirst ? "closeA" : "closeB"));
    closer.add(actor(aFirst ? "closeB" : "closeA"));
    parallel.add(closer);
    return new ExecutionScenario(init, parallel, drainBoth(capacity), null);
  }

  /** Empties both (closed) channels and then sees each report "closed". */
  static List<Actor> drainBoth(int capacity) {
    List<Actor> post = new ArrayList<>();
    for (String channel : new String[] {"A", "B"}) {
      for (int i = 0; i <= capacity; i++) {
        post.add(fixedActor("tryReceive" + channel));
      }
      post.add(fixedActor("receive" + channel));
    }
    return post;
  }

  private Actor actor(String name) {
    Method method = method(name);
    return method.getParameterCount() == 0
        ? new Actor(method, List.of())
        : new Actor(method, List.of(nextValue++));
  }

  /** An actor of {@link ChannelOperations}; {@code args} are the values to send, if any. */
  static Actor fixedActor(String name, Object... args) {
    return new Actor(method(name), List.of(args));
  }

  private static Method method(String name) {
    for (Method m : ChannelOperations.class.getMethods()) {
      if (m.getName().equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("no operation " + name);
  }
}
