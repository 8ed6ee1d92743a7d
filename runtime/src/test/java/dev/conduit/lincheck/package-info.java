/** Model checking of Conduit's channels and select with Lincheck (placeholder, see below). */
package dev.conduit.lincheck;
