/**
 * What Conduit's compile-time tools (the annotation processor and the Error Prone checks) both know
 * about Conduit, written once: channel {@link dev.conduit.vocabulary.Direction directions} and Go's
 * rules for them, and the {@link dev.conduit.vocabulary.ConduitTypes names} of Conduit's types and
 * annotations. Both tools match Conduit's types by name, so that they work whatever the user's
 * class path holds; this package therefore depends on nothing, not even on Conduit's runtime.
 */
package dev.conduit.vocabulary;
