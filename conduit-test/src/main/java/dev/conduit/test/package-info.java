/**
 * Goroutine leak checks for tests: {@link dev.conduit.test.VerifyNoGoroutineLeaks} for JUnit 5,
 * {@link dev.conduit.test.GoroutineLeaks} for any other test framework.
 */
@NullMarked
package dev.conduit.test;

import org.jspecify.annotations.NullMarked;
