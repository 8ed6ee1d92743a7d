package dev.conduit.vet;

import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.conduit.processor.ErrorId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import javax.annotation.processing.Processor;

/**
 * Conduit's Error Prone rules, found the way Error Prone itself finds plugin checks: as {@link
 * BugChecker} services on the class path. A new rule in the checks module shows up here without any
 * change.
 *
 * <p>Public because conduit-lsp runs the same rules and processor in the editor: both tools find
 * them here rather than each keeping a list.
 */
public final class Rules {
  /**
   * A rule's name, one-sentence summary, documentation link, and the severity it has unless the
   * build sets another with {@code -Xep:Name:LEVEL}.
   */
  public record Rule(String name, String summary, String link, BugPattern.SeverityLevel severity) {}

  private final Map<String, Rule> byName;
  private final List<Class<? extends BugChecker>> checkers;

  private Rules(Map<String, Rule> byName, List<Class<? extends BugChecker>> checkers) {
    this.byName = byName;
    this.checkers = checkers;
  }

  public static Rules discover() {
    Map<String, Rule> found = new TreeMap<>();
    List<Class<? extends BugChecker>> checkers = new ArrayList<>();
    ServiceLoader.Provider<BugChecker> provider;
    for (var iterator = ServiceLoader.load(BugChecker.class).stream().iterator();
        iterator.hasNext(); ) {
      try {
        provider = iterator.next();
      } catch (ServiceConfigurationError e) {
        continue; // a checker that cannot be loaded is skipped, as Error Prone would fail it
      }
      BugPattern pattern = provider.type().getAnnotation(BugPattern.class);
      if (pattern == null) {
        continue;
      }
      String name = pattern.name().isEmpty() ? provider.type().getSimpleName() : pattern.name();
      found.put(name, new Rule(name, pattern.summary(), pattern.link(), pattern.severity()));
      checkers.add(provider.type());
    }
    return new Rules(found, List.copyOf(checkers));
  }

  public Map<String, Rule> all() {
    return byName;
  }

  /** The rules' checker classes, for a tool that runs them through Error Prone's scanner. */
  public List<Class<? extends BugChecker>> checkers() {
    return checkers;
  }

  /** Whether {@code name} is one of the Error Prone rules found. */
  public boolean isKnown(String name) {
    return byName.containsKey(name);
  }

  /**
   * The ids that start the processor's error messages ({@code ConduitRequiresContext}, ...), from
   * the processor's own list. They are always errors.
   */
  public static List<String> processorIds() {
    return ErrorId.ids();
  }

  /** Whether {@code id} is one of the processor's ids. */
  public static boolean isProcessorId(String id) {
    return ErrorId.isId(id);
  }

  /** Every name {@code --rules} accepts: the Error Prone rules, then the processor's ids. */
  public List<String> names() {
    List<String> names = new ArrayList<>(byName.keySet());
    names.addAll(processorIds());
    return List.copyOf(names);
  }

  /**
   * The class names of Conduit's annotation processors on this class path, sorted; other processors
   * found there are not the user's and are left out.
   */
  public static List<String> conduitProcessors() {
    List<String> names = new ArrayList<>();
    for (var provider : ServiceLoader.load(Processor.class).stream().toList()) {
      String name = provider.type().getName();
      if (name.startsWith("dev.conduit.")) {
        names.add(name);
      }
    }
    names.sort(Comparator.naturalOrder());
    return names;
  }
}
