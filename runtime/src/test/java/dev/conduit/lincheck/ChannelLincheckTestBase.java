package dev.conduit.lincheck;

import static dev.conduit.lincheck.ChannelScenarioGenerator.fixedActor;

import java.util.ArrayList;
import java.util.List;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.CTestConfiguration;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Lincheck runs over two channels of one capacity (the subclasses fix 0, 1 and 2, each for {@code
 * Channel} and for {@code RawChannel}, the two kinds the one engine runs): linearizability of
 * {@code send}, {@code receive}, {@code trySend}, {@code tryReceive} and {@code close}, and of
 * two-clause selects (receive from {@code a} or {@code b}; receive from {@code a} or send to {@code
 * b}; each with and without {@code orElse}), including select's exactly-one-clause rule.
 *
 * <h2>How Lincheck treats blocking, and what follows</h2>
 *
 * <p>Lincheck 3.7's model checker runs the test threads one at a time under its own scheduler. It
 * intercepts {@code LockSupport.park}/{@code unpark} (so also {@code ReentrantLock} and Conduit's
 * waiters): a parked thread is not scheduled until someone unparks it, and park may return
 * spuriously at any switch point. When every unfinished thread is parked it stops with "The
 * execution has hung", which is always a failure: {@code @Operation(blocking = true)} only exempts
 * an operation from the obstruction-freedom check, and the "suspended" results of Lincheck's
 * sequential specifications exist only for Kotlin {@code suspend} functions, not for Java
 * operations that park. Hence:
 *
 * <ul>
 *   <li>Random scenarios must not be able to block forever. {@link ChannelScenarioGenerator} gives
 *       every scenario a closer thread that uses only non-waiting operations and then closes both
 *       channels, which wakes every waiter; a thread still parked is a lost wake-up.
 *   <li>Matching of blocking operations is checked by hand-written progress scenarios without a
 *       closer (below), in which every interleaving of a correct channel finishes.
 *   <li>Results are judged by {@link ChannelModelVerifier} against {@link ChannelModel}, a
 *       nondeterministic model in which blocking operations are partial and an unbuffered send is
 *       paired with its receive; Lincheck's own verifier needs a deterministic specification, which
 *       Conduit's random select choice and unbuffered {@code trySend} do not have.
 * </ul>
 *
 * <p>What this cannot see: a waiting operation has no observable moment of arrival, so a {@code
 * trySend}, {@code tryReceive} or {@code orElse} that wrongly misses a partner already waiting is
 * indistinguishable from one that ran before the partner came. The progress scenarios catch the
 * blocking counterpart of that bug (a missed match leaves a thread parked).
 *
 * <h2>Runs</h2>
 *
 * <ul>
 *   <li>{@link #modelCheckingShort()} runs in every {@code mvn -B -pl runtime -am verify}.
 *   <li>{@link #modelCheckingLong()} and {@link #stressLong()} run with {@code mvn -B -pl runtime
 *       -am verify -Plong}; for one capacity add {@code -Dtest=UnbufferedChannelLincheckTest
 *       -Dsurefire.failIfNoSpecifiedTests=false} (see {@code runtime/README-testing.md}).
 * </ul>
 *
 * <p>The budgets are in {@link ChannelLincheckConfig}. Failed scenarios are not shrunk: Lincheck
 * would remove the closer's {@code close()} and report the resulting hang instead of the bug.
 */
abstract class ChannelLincheckTestBase extends ChannelOperations {

  /** Short model-checking run, part of every {@code mvn verify}. */
  @Test
  void modelCheckingShort() {
    configure(new ModelCheckingOptions(), ChannelLincheckConfig.SHORT).check(getClass());
  }

  /** Long model-checking run: {@code mvn -B -pl runtime -am verify -Plong}. */
  @Test
  @Tag("long")
  void modelCheckingLong() {
    configure(new ModelCheckingOptions(), ChannelLincheckConfig.LONG).check(getClass());
  }

  /**
   * Long stress run: the same scenarios on real threads, unscheduled, for what the model checker's
   * sequentially consistent memory model cannot show.
   */
  @Test
  @Tag("long")
  void stressLong() {
    configure(new StressOptions(), ChannelLincheckConfig.STRESS).check(getClass());
  }

  private <O extends Options<O, C>, C extends CTestConfiguration> O configure(
      O options, ChannelLincheckConfig config) {
    options
        .iterations(config.iterations())
        .invocationsPerIteration(config.invocations())
        .threads(config.threads())
        .actorsPerThread(config.actorsPerThread())
        .actorsBefore(config.actorsBefore())
        .executionGenerator(ChannelScenarioGenerator.class)
        .verifier(ChannelModelVerifier.class)
        // Shrinking would drop the closer's close() and report the deadlock that follows.
        .minimizeFailedScenario(false);
    for (ExecutionScenario scenario : progressScenarios()) {
      options.addCustomScenario(scenario);
    }
    return options;
  }

  /**
   * Scenarios without a closer in which every blocking operation has a partner in every
   * interleaving: a correct channel always finishes them, so a thread left parked (reported as a
   * deadlock) is a missed match or a lost wake-up.
   */
  private List<ExecutionScenario> progressScenarios() {
    List<ExecutionScenario> scenarios = new ArrayList<>();
    // Rendezvous (or buffered hand-over) of one value.
    scenarios.add(parallel(List.of(fixedActor("sendA", 1)), List.of(fixedActor("receiveA"))));
    // Ping-pong across the two channels.
    scenarios.add(
        parallel(
            List.of(fixedActor("sendA", 1), fixedActor("receiveB")),
            List.of(fixedActor("receiveA"), fixedActor("sendB", 2))));
    // More sends than the buffer holds: senders wait and are refilled into the buffer.
    int n = capacity() + 2;
    List<Actor> sends = new ArrayList<>();
    List<Actor> receives = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      sends.add(fixedActor("sendA", i));
      receives.add(fixedActor("receiveA"));
    }
    scenarios.add(parallel(sends, receives));
    if (raw()) {
      return scenarios; // the rest are selects, which raw channels do not have
    }
    // A select receives from whichever channel gets a value, twice; both sends must complete.
    scenarios.add(
        parallel(
            List.of(fixedActor("selectReceive"), fixedActor("selectReceive")),
            List.of(fixedActor("sendA", 1)),
            List.of(fixedActor("sendB", 2))));
    // A select whose only possible partner is a receiver of its send clause.
    scenarios.add(
        parallel(List.of(fixedActor("selectReceiveASendB", 1)), List.of(fixedActor("receiveB"))));
    if (capacity() == 0) {
      // Two selects, one sender on a and one receiver on b: each select fires a different clause.
      scenarios.add(
          parallel(
              List.of(fixedActor("selectReceiveASendB", 10), fixedActor("selectReceiveASendB", 11)),
              List.of(fixedActor("sendA", 1)),
              List.of(fixedActor("receiveB"))));
    }
    return scenarios;
  }

  @SafeVarargs
  private static ExecutionScenario parallel(List<Actor>... threads) {
    return new ExecutionScenario(List.of(), List.of(threads), List.of(), null);
  }
}
