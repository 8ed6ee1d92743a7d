/**
 * What Conduit's checks share: recognising channel types and their operations, resolving a
 * channel's direction, finding declarations, and keeping an unexpected failure inside a check from
 * failing the user's build.
 */
package dev.conduit.errorprone.util;
