/**
 * AbandonedSender's counting: the most sends to, and receives from, a local channel that one run of
 * its method can make, on Error Prone's dataflow control-flow graph.
 */
package dev.conduit.errorprone.abandoned;
