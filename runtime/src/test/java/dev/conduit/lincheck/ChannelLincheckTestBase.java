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
 * The Lincheck runs for one channel capacity: the method, the scenarios and the commands are
 * described in {@code package-info.java} of this package.
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
