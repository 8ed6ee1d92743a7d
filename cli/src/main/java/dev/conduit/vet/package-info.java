/**
 * {@code conduit-vet}: compiles a source tree with Conduit's annotation processor and Error Prone
 * checks (Error Prone's own checks off), writes no class files, and reports the findings as text or
 * SARIF. The Go counterpart is {@code go vet ./...}.
 */
package dev.conduit.vet;
