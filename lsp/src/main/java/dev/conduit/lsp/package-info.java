/**
 * conduit-lsp: a language server that runs Conduit's annotation processor and its Error Prone
 * rules, in process and warm, over the file being edited, and publishes what they find as editor
 * diagnostics with quick fixes.
 */
@NullMarked
package dev.conduit.lsp;

import org.jspecify.annotations.NullMarked;
