/**
 * DoubleClose's analysis: which closes a path may reach while the same channel may already be
 * closed, on Error Prone's dataflow control-flow graph, with aliases, same-class helpers,
 * goroutines and {@code afterFunc} followed, and closes that only one goroutine can reach exempted.
 */
package dev.conduit.errorprone.closing;
