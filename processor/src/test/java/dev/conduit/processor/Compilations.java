package dev.conduit.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor, as strictly as users' builds may. */
final class Compilations {
  private Compilations() {}

  static Compilation compile(JavaFileObject... sources) {
    return javac()
        .withProcessors(new ConduitProcessor())
        .withOptions("-Xlint:all", "-Werror", "--release", "21")
        .compile(sources);
  }

  /** A source file named after its top-level type, from lines joined with newlines. */
  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }
}
