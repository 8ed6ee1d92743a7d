/**
 * The context rules: ContextFirst, ContextInField, ContextPropagation, NullContext and
 * UncancellableBlockingCall, with the helpers that find the context in scope.
 */
package dev.conduit.errorprone.context;
