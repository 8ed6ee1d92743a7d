/**
 * Implementations behind the {@code dev.conduit} API. Not exported; nothing here is a public
 * contract.
 */
@NullMarked
package dev.conduit.internal;

import org.jspecify.annotations.NullMarked;
