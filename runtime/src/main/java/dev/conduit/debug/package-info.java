/**
 * Seeing what goroutines do: {@link dev.conduit.debug.Goroutines#dump()} lists every goroutine
 * Conduit started that is still alive, with its wait reason in Go's words, how long it has waited,
 * the channel it waits on and its stack, in the format of a Go goroutine dump.
 */
@NullMarked
package dev.conduit.debug;

import org.jspecify.annotations.NullMarked;
