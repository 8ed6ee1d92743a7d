/**
 * The base class every Conduit rule extends (its gate, crash guard, generated-code policy and
 * message voice) and the vocabulary the rules share: Conduit's API names, channel types and
 * operations, directions, and declaration helpers.
 */
package dev.conduit.errorprone.common;
