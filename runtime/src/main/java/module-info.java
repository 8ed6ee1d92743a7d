/**
 * Conduit's runtime: Go's channels, select, context, goroutines, WaitGroup and errgroup on virtual
 * threads. Only {@code dev.conduit} and {@code dev.conduit.debug} (goroutine dumps) are exported;
 * the implementations live in {@code dev.conduit.internal}.
 */
module dev.conduit.runtime {
  requires transitive dev.conduit.annotations;
  requires static transitive org.jspecify;
  requires static com.google.errorprone.annotations;
  requires java.management;

  exports dev.conduit;
  exports dev.conduit.debug;
}
