package dev.conduit.errorprone.common;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.tree.JCTree;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Finds the declaration of a variable or method in the compilation unit being checked, to name its
 * line in messages and to read a {@code var} local's initializer.
 *
 * <p>The index is built once per compilation unit and thread, and only when a check first asks,
 * which is rare: only directional channels and cancellable contexts lead here.
 */
public final class Declarations {

  private record Index(
      CompilationUnitTree unit,
      Map<Symbol, Tree> trees,
      Map<Tree, EnhancedForLoopTree> loops,
      Map<Tree, LambdaExpressionTree> lambdas,
      Map<Symbol, Tree> scopes) {}

  private static final ThreadLocal<@Nullable Index> LAST = new ThreadLocal<>();

  private Declarations() {}

  /** The variable or method declaration of {@code symbol} in the current unit, if it is there. */
  public static @Nullable Tree find(Symbol symbol, VisitorState state) {
    return index(state).trees().get(symbol);
  }

  /** The for-each loop whose variable {@code variable} is, or null. */
  public static @Nullable EnhancedForLoopTree forEachDeclaring(
      VariableTree variable, VisitorState state) {
    return index(state).loops().get(variable);
  }

  /**
   * Whether the local {@code variable} is still in scope at source {@code position}; true when
   * unknown (a variable declared elsewhere, or a position the compiler made up).
   */
  public static boolean inScope(Symbol variable, int position, VisitorState state) {
    Tree scope = index(state).scopes().get(variable);
    return scope == null || position < 0 || position < state.getEndPosition(scope);
  }

  /** The lambda whose parameter {@code parameter} is, or null. */
  public static @Nullable LambdaExpressionTree lambdaDeclaring(
      VariableTree parameter, VisitorState state) {
    return index(state).lambdas().get(parameter);
  }

  private static Index index(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    Index index = LAST.get();
    if (index == null || index.unit() != unit) {
      index = scan(unit);
      LAST.set(index);
    }
    return index;
  }

  /** "line N" for a declaration in the current unit, else "in Owner" for a compiled one. */
  public static String where(Symbol symbol, VisitorState state) {
    Tree tree = find(symbol, state);
    if (tree != null) {
      return "at line " + line(tree, state);
    }
    Symbol owner = symbol.owner;
    return owner == null ? "elsewhere" : "in " + owner.getSimpleName();
  }

  /** The 1-based line of {@code tree}'s preferred position (a declaration's name). */
  public static long line(Tree tree, VisitorState state) {
    return state
        .getPath()
        .getCompilationUnit()
        .getLineMap()
        .getLineNumber(((JCTree) tree).getPreferredPosition());
  }

  private static Index scan(CompilationUnitTree unit) {
    Map<Symbol, Tree> trees = new HashMap<>();
    Map<Tree, EnhancedForLoopTree> loops = new HashMap<>();
    Map<Tree, LambdaExpressionTree> lambdas = new HashMap<>();
    Map<Symbol, Tree> scopes = new HashMap<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        tree.getParameters().forEach(parameter -> lambdas.put(parameter, tree));
        return super.visitLambdaExpression(tree, null);
      }

      @Override
      public Void visitEnhancedForLoop(EnhancedForLoopTree tree, Void unused) {
        loops.put(tree.getVariable(), tree);
        return super.visitEnhancedForLoop(tree, null);
      }

      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        Symbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null) {
          trees.put(symbol, tree);
          // A local lives until the end of what declares it: its block, loop, lambda, catch...
          // (pattern bindings flow further, so their scope stays unknown).
          Tree parent = getCurrentPath().getParentPath().getLeaf();
          if (parent instanceof BlockTree
              || parent instanceof ForLoopTree
              || parent instanceof EnhancedForLoopTree
              || parent instanceof LambdaExpressionTree
              || parent instanceof CatchTree
              || parent instanceof TryTree
              || parent instanceof MethodTree) {
            scopes.put(symbol, parent);
          }
        }
        return super.visitVariable(tree, null);
      }

      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        Symbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null) {
          trees.put(symbol, tree);
        }
        return super.visitMethod(tree, null);
      }
    }.scan(new TreePath(unit), null);
    return new Index(unit, trees, loops, lambdas, scopes);
  }
}
