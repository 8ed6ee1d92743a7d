/**
 * What the flow rules share: the control-flow graphs of method bodies, goroutine bodies, and the
 * channels a method creates and what it does with them.
 */
package dev.conduit.errorprone.flow;
