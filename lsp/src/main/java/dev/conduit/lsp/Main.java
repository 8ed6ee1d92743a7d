package dev.conduit.lsp;

import java.io.InputStream;
import java.io.PrintStream;
import org.eclipse.lsp4j.launch.LSPLauncher;

/** {@code conduit-lsp}: a language server on standard input and output. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    if (!javacIsOpen()) {
      System.err.println(
          "conduit-lsp: javac's internals are not open to the server. Start it with"
              + " bin/conduit-lsp, or with java -jar conduit-lsp.jar, which open them.");
      System.exit(2);
    }
    InputStream in = System.in;
    PrintStream out = System.out;
    // Standard output carries the protocol: anything else printed there would corrupt it.
    System.setOut(System.err);
    ConduitServer server = new ConduitServer(System::exit);
    var launcher = LSPLauncher.createServerLauncher(server, in, out);
    server.connect(launcher.getRemoteProxy());
    launcher.startListening().get();
    // The client closed the stream without exit: end as exit would, with no child left behind.
    server.exit();
  }

  static boolean javacIsOpen() {
    Module javac = ModuleLayer.boot().findModule("jdk.compiler").orElse(null);
    if (javac == null) {
      return false;
    }
    Module self = Main.class.getModule();
    return javac.isExported("com.sun.tools.javac.api", self)
        && javac.isOpen("com.sun.tools.javac.comp", self);
  }
}
