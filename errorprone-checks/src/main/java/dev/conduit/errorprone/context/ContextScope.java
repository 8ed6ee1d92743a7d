package dev.conduit.errorprone.context;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.conduit.errorprone.common.ConduitApi;
import dev.conduit.errorprone.common.Declarations;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Context} variables a piece of code can use: parameters of the enclosing methods and
 * lambdas, and locals (try-with-resources included) declared before it in enclosing blocks. Fields
 * are left out: a method that only reaches a context through a field has none of its own.
 *
 * <p>Walking the path costs one step per enclosing tree, so callers ask only after a cheap
 * syntactic match.
 */
final class ContextScope {

  /** One context variable and the declaration that introduced it. */
  public record InScope(VarSymbol symbol, VariableTree declaration) {}

  private ContextScope() {}

  /** The context variables in scope at {@code path}, innermost first. */
  public static List<InScope> at(TreePath path, VisitorState state) {
    List<InScope> found = new ArrayList<>();
    Tree child = path.getLeaf();
    for (TreePath current = path.getParentPath();
        current != null;
        current = current.getParentPath()) {
      Tree tree = current.getLeaf();
      switch (tree) {
        case BlockTree block -> {
          List<InScope> before = new ArrayList<>();
          for (StatementTree statement : block.getStatements()) {
            if (statement == child) {
              break;
            }
            // A local declared without a value (`CancellableContext outer;`, assigned in a try
            // below) cannot be passed yet.
            if (statement instanceof VariableTree variable && variable.getInitializer() != null) {
              add(variable, before, state);
            }
          }
          found.addAll(before.reversed());
        }
        case MethodTree method -> method.getParameters().forEach(p -> add(p, found, state));
        case LambdaExpressionTree lambda ->
            lambda.getParameters().forEach(p -> add(p, found, state));
        case TryTree tryTree -> {
          // Resources are in scope in the body and in later resources, not in catch or finally.
          if (child == tryTree.getBlock() || tryTree.getResources().contains(child)) {
            for (Tree resource : tryTree.getResources()) {
              if (resource == child) {
                break;
              }
              if (resource instanceof VariableTree variable) {
                add(variable, found, state);
              }
            }
          }
        }
        case ForLoopTree loop -> {
          if (!loop.getInitializer().contains(child)) {
            loop.getInitializer().forEach(s -> addIfVariable(s, found, state));
          }
        }
        case EnhancedForLoopTree loop -> {
          if (child == loop.getStatement()) {
            add(loop.getVariable(), found, state);
          }
        }
        case CatchTree catchTree -> add(catchTree.getParameter(), found, state);
        case ClassTree unused -> {
          // A member class cannot see the locals of code around it; a local or anonymous one can.
          if (!(current.getParentPath() != null
                  && current.getParentPath().getLeaf() instanceof BlockTree)
              && !(current.getParentPath() != null
                  && current.getParentPath().getLeaf().getKind() == Tree.Kind.NEW_CLASS)) {
            return found;
          }
        }
        default -> {}
      }
      child = tree;
    }
    return found;
  }

  /**
   * Drops every context another one in {@code scope} was derived from ({@code timed =
   * ctx.withTimeout(...)} drops {@code ctx}): the child carries its parent's cancellation and its
   * own, so it is the one to pass.
   */
  public static List<InScope> innermost(List<InScope> scope, VisitorState state) {
    List<InScope> kept = new ArrayList<>();
    for (InScope candidate : scope) {
      boolean isParent = false;
      for (InScope other : scope) {
        isParent |= other != candidate && derivesFrom(other, candidate.symbol(), state);
      }
      if (!isParent) {
        kept.add(candidate);
      }
    }
    return kept;
  }

  private static boolean derivesFrom(InScope child, VarSymbol parent, VisitorState state) {
    ExpressionTree link = child.declaration().getInitializer();
    while (link instanceof MethodInvocationTree call
        && ConduitApi.DERIVE_CONTEXT.matches(call, state)) {
      link = ASTHelpers.getReceiver(call);
    }
    return link != null && ASTHelpers.getSymbol(ASTHelpers.stripParentheses(link)) == parent;
  }

  /** Whether {@code context} is a local holding {@code Context.background()} or {@code todo()}. */
  public static boolean isRoot(InScope context, VisitorState state) {
    ExpressionTree initializer = context.declaration().getInitializer();
    return initializer != null && ConduitApi.ROOT_CONTEXT.matches(initializer, state);
  }

  /**
   * Whether {@code context} is a local that starts a tree of its own: a root, or derived ({@code
   * withCancel}, {@code withTimeout}, ...) from a root, directly or through other such locals. Such
   * a context carries nothing of the caller's, so there is nothing to pass on.
   */
  public static boolean startsOwnTree(InScope context, VisitorState state) {
    ExpressionTree link = context.declaration().getInitializer();
    for (int hops = 0; link != null && hops < 16; hops++) {
      link = ASTHelpers.stripParentheses(link);
      if (ConduitApi.ROOT_CONTEXT.matches(link, state)) {
        return true;
      }
      if (link instanceof MethodInvocationTree call
          && ConduitApi.DERIVE_CONTEXT.matches(call, state)) {
        link = ASTHelpers.getReceiver(call);
      } else if (ASTHelpers.getSymbol(link) instanceof VarSymbol local
          && (local.getKind() == javax.lang.model.element.ElementKind.LOCAL_VARIABLE
              || local.getKind() == javax.lang.model.element.ElementKind.RESOURCE_VARIABLE)
          && Declarations.find(local, state) instanceof VariableTree declaration) {
        link = declaration.getInitializer();
      } else {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether nobody but the code holding {@code context} can cancel it: a root, or {@code
   * withCancel()} of a root. A blocking call cannot be woken by such a context while its only
   * canceller is the one blocked.
   */
  public static boolean onlyCancelledByHolder(InScope context, VisitorState state) {
    ExpressionTree initializer = context.declaration().getInitializer();
    if (isRoot(context, state)) {
      return true;
    }
    return initializer instanceof MethodInvocationTree call
        && ConduitApi.WITH_CANCEL.matches(call, state)
        && ASTHelpers.getReceiver(call) instanceof ExpressionTree receiver
        && ConduitApi.ROOT_CONTEXT.matches(ASTHelpers.stripParentheses(receiver), state);
  }

  private static void addIfVariable(Tree tree, List<InScope> found, VisitorState state) {
    if (tree instanceof VariableTree variable) {
      add(variable, found, state);
    }
  }

  private static void add(VariableTree variable, List<InScope> found, VisitorState state) {
    if (ASTHelpers.getSymbol(variable) instanceof VarSymbol symbol
        && ConduitApi.isContext(symbol.type, state)) {
      found.add(new InScope(symbol, variable));
    }
  }
}
