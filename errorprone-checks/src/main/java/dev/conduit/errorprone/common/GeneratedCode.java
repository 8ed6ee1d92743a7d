package dev.conduit.errorprone.common;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import dev.conduit.vocabulary.ConduitTypes;
import javax.lang.model.element.AnnotationMirror;

/**
 * Whether the code being checked was generated. Conduit's checks report errors, which Error Prone's
 * {@code -XepDisableWarningsInGeneratedCode} does not silence, and a user cannot fix generated
 * code: its generator is answerable for it, and is tested on its own.
 */
public final class GeneratedCode {

  private GeneratedCode() {}

  /** Whether a class enclosing the current path carries {@code @Generated}. */
  public static boolean isCurrent(VisitorState state) {
    for (Tree tree : state.getPath()) {
      if (tree instanceof ClassTree cls && isGenerated(ASTHelpers.getSymbol(cls))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isGenerated(Symbol symbol) {
    for (AnnotationMirror annotation : symbol.getAnnotationMirrors()) {
      String name = annotation.getAnnotationType().toString();
      if (name.equals(ConduitTypes.GENERATED) || name.equals("javax.annotation.Generated")) {
        return true;
      }
    }
    return false;
  }
}
