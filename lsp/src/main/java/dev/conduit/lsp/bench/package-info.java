/** The language server's latency and memory benchmark (run by lsp/bench.sh), not a test. */
@NullMarked
package dev.conduit.lsp.bench;

import org.jspecify.annotations.NullMarked;
