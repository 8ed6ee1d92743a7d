package dev.conduit.debug;

/**
 * The management interface of {@link Goroutines}, registered by {@link Goroutines#registerMBean()}.
 */
public interface GoroutinesMXBean {
  /** The goroutine dump of every goroutine alive now. */
  String dump();

  /** How many goroutines are alive now. */
  int getCount();

  /** Whether creation sites are recorded. */
  boolean isCreationSites();

  /** Turns recording of creation sites on or off. */
  void setCreationSites(boolean on);
}
