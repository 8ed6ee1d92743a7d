/**
 * Java ports, with Conduit, of Go programs from the Go blog ("Pipelines and cancellation", "Go
 * Concurrency Patterns: Context"), the errgroup package's examples, the "Go Concurrency Patterns"
 * talk and the graceful-shutdown loop of Go services. Each keeps the Go program's shape, channel for channel, so that the build shows
 * Conduit's rules accept idiomatic Go code as it is written.
 */
package com.example.gooriginals;
