package dev.conduit.lsp.launcher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Entry point of {@code conduit-lsp.jar}, compiled for Java 8 so that it can still run on an old
 * JDK and say plainly what is needed there, instead of failing with a class-version error.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    int feature = featureVersion(System.getProperty("java.specification.version", "0"));
    if (feature < 21) {
      System.err.println(
          "conduit-lsp: needs Java 21 or newer, but runs on Java "
              + System.getProperty("java.version")
              + " ("
              + System.getProperty("java.home")
              + "). Point JAVA_HOME at a JDK 21+ or run bin/conduit-lsp, which finds one.");
      System.exit(2);
      return;
    }
    Method server = Class.forName("dev.conduit.lsp.Main").getMethod("main", String[].class);
    try {
      server.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      throw (Error) cause;
    }
  }

  /** "1.8" is 8, "17" is 17. */
  public static int featureVersion(String specification) {
    String s = specification.startsWith("1.") ? specification.substring(2) : specification;
    int end = 0;
    while (end < s.length() && Character.isDigit(s.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Integer.parseInt(s.substring(0, end));
  }
}
