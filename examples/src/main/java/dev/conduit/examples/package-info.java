/** Small programs that show Conduit at work, each a port of a pattern from Go's tutorials. */
package dev.conduit.examples;
