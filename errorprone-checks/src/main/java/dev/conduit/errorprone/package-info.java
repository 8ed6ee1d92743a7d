/**
 * Conduit's Error Prone checks: each class is one rule, named as users write it in {@code
 * -Xep:NAME:LEVEL} and {@code @SuppressWarnings("NAME")}, with its page in {@code docs/checks/}.
 */
package dev.conduit.errorprone;
