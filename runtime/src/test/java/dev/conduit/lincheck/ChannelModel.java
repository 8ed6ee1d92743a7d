package dev.conduit.lincheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sequential specification of two Conduit channels {@code a} and {@code b} of one capacity,
 * written as a nondeterministic state machine: for a state and an operation it lists every outcome
 * a correct channel may produce. {@link ChannelModelVerifier} searches for an order of the observed
 * operations that this machine accepts.
 *
 * <p>Three things make a deterministic specification (what Lincheck's own verifier needs) wrong for
 * Conduit, and this model handles them:
 *
 * <ul>
 *   <li><b>Blocking.</b> A blocking operation is a partial operation: it has no outcome in a state
 *       where it would wait. The search must therefore place it where it can complete: a {@code
 *       receive} after some value arrived or the channel closed, a buffered {@code send} where the
 *       buffer has room.
 *   <li><b>Rendezvous.</b> An unbuffered send completes together with the receive that takes its
 *       value. A successful unbuffered send (plain, {@code trySend} or a select clause) leaves the
 *       value <em>in hand-off</em>: the very next operation must be a receive of that channel that
 *       takes it, and that receive must have started before the send returned (checked by the
 *       verifier with Lincheck's happens-before clocks). No hand-off may be left at the end.
 *   <li><b>Choice.</b> {@code trySend} on an unbuffered channel succeeds only if a receiver waits,
 *       which the caller cannot see, so both outcomes are allowed; a select whose clauses are both
 *       ready picks either. Either way the model applies the effect of the clause that the result
 *       names, and only that one: that is select's exactly-one-clause invariant.
 * </ul>
 */
final class ChannelModel {
  static final int A = 0;
  static final int B = 1;
  static final String CLOSED = "closed";

  private final int capacity;

  ChannelModel(int capacity) {
    this.capacity = capacity;
  }

  /** One state of the two channels. Immutable; {@link #key()} identifies it for memoization. */
  record State(
      int[] a,
      int[] b,
      boolean closedA,
      boolean closedB,
      int handoffChannel,
      int handoffValue,
      int handoffThread,
      int handoffActor) {

    static State initial() {
      return new State(new int[0], new int[0], false, false, -1, 0, -1, -1);
    }

    int[] buffer(int c) {
      return c == A ? a : b;
    }

    boolean closed(int c) {
      return c == A ? closedA : closedB;
    }

    boolean inHandoff() {
      return handoffChannel >= 0;
    }

    State withBuffer(int c, int[] buffer) {
      return c == A
          ? new State(buffer, b, closedA, closedB, -1, 0, -1, -1)
          : new State(a, buffer, closedA, closedB, -1, 0, -1, -1);
    }

    State withClosed(int c) {
      return new State(a, b, closedA || c == A, closedB || c == B, -1, 0, -1, -1);
    }

    State withHandoff(int c, int value, int thread, int actor) {
      return new State(a, b, closedA, closedB, c, value, thread, actor);
    }

    String key() {
      return Arrays.toString(a)
          + Arrays.toString(b)
          + closedA
          + closedB
          + handoffChannel
          + ","
          + handoffValue
          + ","
          + handoffThread
          + ","
          + handoffActor;
    }
  }

  /** A result an operation may return and the state it leaves. */
  record Outcome(String result, State next) {}

  /**
   * Where the operation sits in the execution, for the rendezvous rule: its thread, its index in
   * that thread, and how many operations of each thread had completed when it started.
   */
  record Position(int thread, int actor, int[] clockOnStart) {}

  /** Every outcome operation {@code name(args)} may have in {@code s}. */
  List<Outcome> outcomes(State s, String name, List<?> args, Position at) {
    List<Outcome> out = new ArrayList<>();
    switch (name) {
      case "sendA", "sendB" -> send(s, channelOf(name), value(args), false, "ok", at, out);
      case "trySendA", "trySendB" -> trySend(s, channelOf(name), value(args), at, out);
      case "receiveA", "receiveB" -> receive(s, channelOf(name), "", at, out);
      case "tryReceiveA", "tryReceiveB" -> tryReceive(s, channelOf(name), at, out);
      case "closeA", "closeB" -> close(s, channelOf(name), out);
      case "selectReceive", "selectReceiveOrElse" -> {
        receive(s, A, "a=", at, out);
        receive(s, B, "b=", at, out);
        orElse(s, name, out);
      }
      case "selectReceiveASendB", "selectReceiveASendBOrElse" -> {
        receive(s, A, "a=", at, out);
        send(s, B, value(args), true, "b=sent", at, out);
        orElse(s, name, out);
      }
      default -> throw new IllegalArgumentException("no model for operation " + name);
    }
    return out;
  }

  /**
   * Go's default: only when no clause was ready, which for an unbuffered send clause we cannot see.
   */
  private void orElse(State s, String name, List<Outcome> out) {
    if (!name.endsWith("OrElse") || s.inHandoff()) {
      return;
    }
    boolean readyA = s.a.length > 0 || s.closedA;
    boolean readyB =
        name.startsWith("selectReceiveASendB")
            ? s.closedB || (capacity > 0 && s.b.length < capacity)
            : s.b.length > 0 || s.closedB;
    if (!readyA && !readyB) {
      out.add(new Outcome("default", s));
    }
  }

  /** A blocking receive, or a select receive clause (results prefixed with {@code prefix}). */
  private void receive(State s, int c, String prefix, Position at, List<Outcome> out) {
    if (s.inHandoff()) {
      if (s.handoffChannel == c && takesHandoff(s, at)) {
        out.add(new Outcome(prefix + s.handoffValue, s.withBuffer(c, s.buffer(c))));
      }
      return;
    }
    int[] buffer = s.buffer(c);
    if (buffer.length > 0) {
      out.add(
          new Outcome(
              prefix + buffer[0], s.withBuffer(c, Arrays.copyOfRange(buffer, 1, buffer.length))));
    } else if (s.closed(c)) {
      out.add(new Outcome(prefix + CLOSED, s));
    }
  }

  private void tryReceive(State s, int c, Position at, List<Outcome> out) {
    receive(s, c, "", at, out);
    if (!s.inHandoff() && s.buffer(c).length == 0) {
      // Empty, or closed and drained: tryReceive reports both as null.
      out.removeIf(o -> o.result.equals(CLOSED));
      out.add(new Outcome("null", s));
    }
  }

  /** A blocking send ({@code select} true: a select send clause) of {@code value}. */
  private void send(
      State s, int c, int value, boolean select, String sent, Position at, List<Outcome> out) {
    if (s.inHandoff()) {
      return;
    }
    if (s.closed(c)) {
      out.add(new Outcome(select ? "b=" + CLOSED : CLOSED, s));
    } else if (capacity == 0) {
      out.add(new Outcome(sent, s.withHandoff(c, value, at.thread, at.actor)));
    } else if (s.buffer(c).length < capacity) {
      out.add(new Outcome(sent, s.withBuffer(c, append(s.buffer(c), value))));
    }
  }

  private void trySend(State s, int c, int value, Position at, List<Outcome> out) {
    if (s.inHandoff()) {
      return;
    }
    send(s, c, value, false, "true", at, out);
    if (!s.closed(c) && (capacity == 0 || s.buffer(c).length == capacity)) {
      out.add(new Outcome("false", s));
    }
  }

  private static void close(State s, int c, List<Outcome> out) {
    if (s.inHandoff()) {
      return;
    }
    out.add(s.closed(c) ? new Outcome(CLOSED, s) : new Outcome("ok", s.withClosed(c)));
  }

  /**
   * A receive may take a value in hand-off only from another thread's send that had not yet
   * returned when this receive started: otherwise the send completed without a receiver.
   */
  private static boolean takesHandoff(State s, Position at) {
    return at.thread != s.handoffThread && at.clockOnStart[s.handoffThread] <= s.handoffActor;
  }

  private static int channelOf(String name) {
    return name.endsWith("A") ? A : B;
  }

  private static int value(List<?> args) {
    return (Integer) args.get(0);
  }

  private static int[] append(int[] buffer, int value) {
    int[] longer = Arrays.copyOf(buffer, buffer.length + 1);
    longer[buffer.length] = value;
    return longer;
  }
}
