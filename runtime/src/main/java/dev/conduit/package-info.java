/**
 * Go's concurrency primitives for Java on virtual threads: {@link dev.conduit.Channel}, {@link
 * dev.conduit.Select}, {@link dev.conduit.Context}, goroutines, {@code WaitGroup} and {@code
 * ErrGroup}.
 *
 * <p>No operation here throws a checked exception. An interrupted blocking operation throws {@link
 * dev.conduit.UncheckedInterruptedException} and leaves the thread's interrupt status set. Nothing
 * here accepts or returns {@code null} unless it says so.
 */
@NullMarked
package dev.conduit;

import org.jspecify.annotations.NullMarked;
