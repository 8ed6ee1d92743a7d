package dev.conduit.errorprone.common;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.sun.tools.javac.code.Symbol.CompletionFailure;
import com.sun.tools.javac.model.JavacElements;
import dev.conduit.vocabulary.ConduitTypes;
import java.util.Collection;

/**
 * A check's gate: whether any of the types it looks for exists in the current compilation, on its
 * class path or among its sources. A check whose types are all absent cannot find anything, so it
 * returns at once instead of looking at every node; a build that does not use Conduit then pays
 * almost nothing for Conduit's checks.
 *
 * <p>The answer is computed once per compilation (Error Prone's {@link VisitorState#memoize}): one
 * class lookup per name, the same a processor makes with {@code Elements.getTypeElement}. Unlike
 * {@link VisitorState#getTypeFromString}, which only knows classes some source already mentions, it
 * also finds a class that is on the class path but not yet used, so the gate never closes on a
 * compilation that can reach Conduit.
 */
public final class Presence {

  /** Conduit's channel interface, from the runtime. */
  public static final String CHANNEL = ConduitApi.CHANNEL;

  /** Conduit's context, from the runtime. */
  public static final String CONTEXT = ConduitApi.CONTEXT;

  /** Conduit's wait group, from the runtime. */
  public static final String WAIT_GROUP = ConduitApi.WAIT_GROUP;

  /** Conduit's select, from the runtime. */
  public static final String SELECT = ConduitApi.SELECT;

  /** The direction annotations, from the annotations jar (which a user may have alone). */
  public static final String SEND_ONLY = ConduitTypes.SEND_ONLY;

  public static final String RECEIVE_ONLY = ConduitTypes.RECEIVE_ONLY;

  private Presence() {}

  /**
   * A gate that is open when at least one of {@code classNames} (fully-qualified, top-level
   * classes) exists in the compilation.
   */
  public static Supplier<Boolean> anyOf(String... classNames) {
    return anyOf(ImmutableList.copyOf(classNames));
  }

  /** As {@link #anyOf(String...)}. */
  public static Supplier<Boolean> anyOf(Collection<String> classNames) {
    ImmutableList<String> names = ImmutableList.copyOf(classNames);
    return VisitorState.memoize(state -> names.stream().anyMatch(name -> exists(name, state)));
  }

  private static boolean exists(String className, VisitorState state) {
    try {
      return JavacElements.instance(state.context).getTypeElement(className) != null;
    } catch (CompletionFailure | IllegalStateException e) {
      // A class file that cannot be read (or a javac that refuses the lookup) proves nothing: keep
      // the check running, as it would without a gate.
      return true;
    }
  }
}
