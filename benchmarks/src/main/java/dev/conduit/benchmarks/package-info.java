/**
 * JMH benchmarks that run the same shapes of channel traffic through Conduit, jox, Kotlin channels
 * and the JDK's queues, plus the runner that turns JMH's JSON into the README's table and chart.
 * Not published: it exists so that Conduit's users can see, and its maintainers can check, what a
 * channel operation costs.
 */
package dev.conduit.benchmarks;
