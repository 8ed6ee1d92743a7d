package dev.conduit.lsp.bench;

/** A Conduit file of about the asked size: correct methods and one LostCancel mistake. */
final class GeneratedFile {
  private GeneratedFile() {}

  static String text(int lines) {
    StringBuilder b = new StringBuilder();
    b.append(
        """
        package shop;

        import dev.conduit.CancellableContext;
        import dev.conduit.Context;
        import java.time.Duration;

        /** Generated for the language server benchmark. */
        class Big {
          static String lost(Context ctx, String sku) {
            CancellableContext timed = ctx.withTimeout(Duration.ofSeconds(1));
            if (sku.isEmpty()) {
              return "unknown";
            }
            timed.cancel();
            return sku;
          }
        """);
    int i = 0;
    while (b.toString().lines().count() < lines - 14) {
      b.append(
          """

            static String price%d(Context ctx, String sku) {
              try (CancellableContext timed = ctx.withTimeout(Duration.ofMillis(%d))) {
                if (timed.isDone()) {
                  throw timed.err().copy();
                }
                String answer = sku + ": " + %d;
                return answer.strip();
              }
            }
          """
              .formatted(i, 100 + i, i));
      i++;
    }
    b.append("}\n");
    return b.toString();
  }
}
