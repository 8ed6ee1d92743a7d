/**
 * LostCancel, Go vet's lostcancel for Conduit, with the dataflow analysis that follows each cancel
 * handle to its release.
 */
package dev.conduit.errorprone.lostcancel;
