package dev.conduit.vet;

import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Conduit's Error Prone rules, found the way Error Prone itself finds plugin checks: as {@link
 * BugChecker} services on the class path. A new rule in the checks module shows up here without
 * any change.
 */
final class Rules {
  /** A rule's name, one-sentence summary and documentation link. */
  record Rule(String name, String summary, String link) {}

  private final Map<String, Rule> byName;

  private Rules(Map<String, Rule> byName) {
    this.byName = byName;
  }

  static Rules discover() {
    Map<String, Rule> found = new TreeMap<>();
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
      found.put(name, new Rule(name, pattern.summary(), pattern.link()));
    }
    return new Rules(found);
  }

  Map<String, Rule> all() {
    return byName;
  }

  boolean isKnown(String name) {
    return byName.containsKey(name);
  }
}
