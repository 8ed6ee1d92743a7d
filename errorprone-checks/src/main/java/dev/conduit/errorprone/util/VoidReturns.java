package dev.conduit.errorprone.util;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.checkerframework.errorprone.dataflow.cfg.block.ConditionalBlock;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * Finds which {@code return;} statement a control-flow edge stands for.
 *
 * <p>The dataflow library's graph has a node for a {@code return} with a value but none for a
 * bare {@code return;}, which is only a jump to the exit (through any {@code finally} blocks). An
 * edge is taken to be the jump of a bare {@code return;} when that statement is the next thing in
 * the source after the edge's last evaluated node, and the edge leads to the exit or into a {@code
 * finally} (or a try-with-resources close) of a {@code try} around the statement. When no
 * statement fits, the leak is reported at the end of the body instead, which is still a true
 * finding, only less precisely placed.
 */
final class VoidReturns {

  /** A bare return and the finally blocks (or try-with-resources) its jump runs through. */
  private record Candidate(ReturnTree statement, int start, List<TryTree> enclosingTries) {}

  private final List<Candidate> candidates = new ArrayList<>();
  private final int[] nodeStarts;
  private final ControlFlowGraph cfg;
  private final VisitorState state;

  VoidReturns(TreePath bodyOwner, ControlFlowGraph cfg, VisitorState state) {
    this.cfg = cfg;
    this.state = state;
    Tree root = bodyOwner.getLeaf();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        if (tree.getExpression() == null) {
          List<TryTree> tries = new ArrayList<>();
          for (Tree enclosing : getCurrentPath()) {
            if (enclosing instanceof TryTree tryTree) {
              tries.add(tryTree);
            }
          }
          candidates.add(new Candidate(tree, ASTHelpers.getStartPosition(tree), tries));
        }
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return tree == root ? super.visitLambdaExpression(tree, null) : null;
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null;
      }
    }.scan(bodyOwner, null);
    nodeStarts = candidates.isEmpty() ? new int[0]
        : cfg.getAllNodes().stream().map(Node::getTree).filter(t -> t != null)
            .mapToInt(ASTHelpers::getStartPosition).filter(p -> p >= 0).sorted().toArray();
  }

  /** The bare return whose jump the edge from {@code from} to {@code to} is, or null. */
  @Nullable ReturnTree jump(Block from, Block to) {
    if (candidates.isEmpty()) {
      return null;
    }
    Node last = lastNode(from);
    if (last == null || last.getTree() == null) {
      return null;
    }
    int after = state.getEndPosition(last.getTree());
    if (after < 0) {
      return null;
    }
    for (Candidate candidate : candidates) {
      if (candidate.start() >= after && !nodeBetween(after, candidate.start())
          && leadsOut(to, candidate)) {
        return candidate.statement();
      }
    }
    return null;
  }

  private boolean nodeBetween(int from, int to) {
    int index = Arrays.binarySearch(nodeStarts, from);
    int next = index >= 0 ? index : -index - 1;
    return next < nodeStarts.length && nodeStarts[next] < to;
  }

  private boolean leadsOut(Block to, Candidate candidate) {
    if (to == cfg.getRegularExitBlock()) {
      return true;
    }
    List<Node> nodes = to.getNodes();
    if (nodes.isEmpty() || nodes.get(0).getTree() == null) {
      return false;
    }
    int start = ASTHelpers.getStartPosition(nodes.get(0).getTree());
    for (TryTree tryTree : candidate.enclosingTries()) {
      if (start < 0 && !tryTree.getResources().isEmpty()) {
        return true; // the synthetic close() of a try-with-resources has no source position
      }
      Tree finallyBlock = tryTree.getFinallyBlock();
      if (finallyBlock != null && start >= ASTHelpers.getStartPosition(finallyBlock)
          && start < state.getEndPosition(finallyBlock)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable Node lastNode(Block block) {
    Block current = block;
    if (current instanceof ConditionalBlock && current.getPredecessors().size() == 1) {
      current = current.getPredecessors().iterator().next();
    }
    List<Node> nodes = current.getNodes();
    return nodes.isEmpty() ? null : nodes.get(nodes.size() - 1);
  }
}
