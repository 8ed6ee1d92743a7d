/**
 * What serves {@code ChannelDirection} alone: the suggested fix that declares a local's direction,
 * and the scan that makes sure the fix leaves no new finding behind.
 */
package dev.conduit.errorprone.direction;
