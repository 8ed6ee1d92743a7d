/**
 * Annotations that carry Go's channel directions and context rules into Java declarations.
 *
 * <p>They have no behaviour of their own: Conduit's annotation processor checks declarations that
 * use them with plain {@code javac}, and Conduit's Error Prone checks enforce them inside method
 * bodies. They are retained in class files, so the checks also see them on code that comes from an
 * already-compiled dependency.
 */
package dev.conduit.annotations;
