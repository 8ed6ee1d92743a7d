package dev.conduit.errorprone.direction;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import dev.conduit.vocabulary.ConduitTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @SendOnly} and {@code @ReceiveOnly} at one place of a variable declared inside a method
 * body. The processor reports the same on fields, parameters, returns and record components, but
 * javac shows annotation processors no method bodies, so locals are the checks' to report.
 */
final class ConflictingDirections {
  private static final String SEND_ONLY = ConduitTypes.SEND_ONLY;
  private static final String RECEIVE_ONLY = ConduitTypes.RECEIVE_ONLY;

  private ConflictingDirections() {}

  /**
   * Whether {@code tree} is a local, a lambda parameter, a resource, a pattern binding or a
   * for-each variable, and carries both directions on its declaration and outermost type, or on one
   * type use inside its type ({@code List<@SendOnly @ReceiveOnly Channel<T>>}).
   */
  public static boolean onLocal(VariableTree tree, VisitorState state) {
    Tree parent = state.getPath().getParentPath().getLeaf();
    if (parent instanceof ClassTree || parent instanceof MethodTree) {
      return false; // a field or a method's parameter: the processor reports those
    }
    List<AnnotationTree> outermost = new ArrayList<>(tree.getModifiers().getAnnotations());
    Tree type = tree.getType();
    if (type instanceof AnnotatedTypeTree annotated) {
      outermost.addAll(annotated.getAnnotations());
    }
    if (both(outermost)) {
      return true;
    }
    boolean[] inside = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAnnotatedType(AnnotatedTypeTree annotated, Void unused) {
        inside[0] |= annotated != type && both(annotated.getAnnotations());
        return super.visitAnnotatedType(annotated, null);
      }
    }.scan(type, null);
    return inside[0];
  }

  private static boolean both(List<? extends AnnotationTree> annotations) {
    boolean send = false;
    boolean receive = false;
    for (AnnotationTree annotation : annotations) {
      Symbol type = ASTHelpers.getSymbol(annotation.getAnnotationType());
      String name = type == null ? "" : type.getQualifiedName().toString();
      send |= name.equals(SEND_ONLY);
      receive |= name.equals(RECEIVE_ONLY);
    }
    return send && receive;
  }
}
