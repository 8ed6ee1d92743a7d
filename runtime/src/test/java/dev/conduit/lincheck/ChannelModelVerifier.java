package dev.conduit.lincheck;

import dev.conduit.lincheck.ChannelModel.Outcome;
import dev.conduit.lincheck.ChannelModel.Position;
import dev.conduit.lincheck.ChannelModel.State;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionResult;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.kotlinx.lincheck.execution.ResultWithClock;
import org.jetbrains.kotlinx.lincheck.util.LincheckResult;
import org.jetbrains.kotlinx.lincheck.util.ValueResult;
import org.jetbrains.lincheck.datastructures.verifier.CachedVerifier;

/**
 * Linearizability against {@link ChannelModel}: searches for a total order of the operations that
 * respects each thread's program order and Lincheck's happens-before clocks (an operation that
 * completed before another started comes first) and in which every operation returns what it really
 * returned. The search is a depth-first walk over (operations done per thread, model state),
 * memoized, so it stays small for the short scenarios model checking uses.
 *
 * <p>Lincheck creates it reflectively with the sequential specification class, which here is the
 * test class; its {@link ChannelOperations#capacity()} says which channels to model.
 */
public final class ChannelModelVerifier extends CachedVerifier {
  private final ChannelModel model;

  public ChannelModelVerifier(Class<?> testClass) {
    this.model = new ChannelModel(ChannelOperations.capacityOf(testClass));
  }

  @Override
  public boolean verifyResultsImpl(ExecutionScenario scenario, ExecutionResult results) {
    return new Search(scenario.getThreads(), results.getThreadsResultsWithClock())
        .linearizable(new int[scenario.getThreads().size()], State.initial());
  }

  private final class Search {
    private final List<List<Actor>> actors;
    private final List<List<ResultWithClock>> results;
    private final Set<String> failed = new HashSet<>();

    Search(List<List<Actor>> actors, List<List<ResultWithClock>> results) {
      this.actors = actors;
      this.results = results;
    }

    boolean linearizable(int[] done, State state) {
      boolean all = true;
      for (int t = 0; t < done.length; t++) {
        all &= done[t] == actors.get(t).size();
      }
      if (all) {
        return !state.inHandoff();
      }
      String key = Arrays.toString(done) + state.key();
      if (failed.contains(key)) {
        return false;
      }
      for (int t = 0; t < done.length; t++) {
        if (done[t] == actors.get(t).size()) {
          continue;
        }
        ResultWithClock observed = results.get(t).get(done[t]);
        int[] clock = observed.getClockOnStart().getClock();
        if (!mayGoNext(done, clock)) {
          continue;
        }
        String result = resultString(observed.getResult());
        if (result == null) {
          continue;
        }
        Actor actor = actors.get(t).get(done[t]);
        Position at = new Position(t, done[t], clock);
        for (Outcome o :
            model.outcomes(state, actor.getMethod().getName(), actor.getArguments(), at)) {
          if (o.result().equals(result)) {
            int[] next = done.clone();
            next[t]++;
            if (linearizable(next, o.next())) {
              return true;
            }
          }
        }
      }
      failed.add(key);
      return false;
    }

    /** Whether every operation that completed before this one started is already placed. */
    private static boolean mayGoNext(int[] done, int[] clockOnStart) {
      for (int i = 0; i < done.length; i++) {
        if (done[i] < clockOnStart[i]) {
          return false;
        }
      }
      return true;
    }

    /** Operations return strings; anything else (an exception) matches no model outcome. */
    private static String resultString(LincheckResult result) {
      return result instanceof ValueResult v && v.getValue() instanceof String s ? s : null;
    }
  }
}
