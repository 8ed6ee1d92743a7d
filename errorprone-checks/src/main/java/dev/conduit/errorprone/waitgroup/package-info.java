/** WaitGroupAddInGoroutine: a wait group counted from inside the goroutine it waits for. */
package dev.conduit.errorprone.waitgroup;
