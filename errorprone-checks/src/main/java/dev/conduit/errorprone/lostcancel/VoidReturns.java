package dev.conduit.errorprone.lostcancel;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.checkerframework.errorprone.dataflow.cfg.block.ConditionalBlock;
import org.checkerframework.errorprone.dataflow.cfg.node.MarkerNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * Finds which {@code return;} statement a control-flow edge stands for.
 *
 * <p>The dataflow library's graph has a node for a {@code return} with a value but none for a bare
 * {@code return;}, which is only a jump to the exit (through any {@code finally} blocks). An edge
 * is taken to be the jump of a bare {@code return;} when that statement is the next thing in the
 * source after the edge's last evaluated node, and the edge leads to the exit or into the copy of a
 * {@code finally} block (or of a try-with-resources close) that returns run through. When no
 * statement fits, the leak is reported at the end of the body instead, which is still a true
 * finding, only less precisely placed.
 */
final class VoidReturns {

  /** A bare return and where it starts. */
  private record Candidate(ReturnTree statement, int start) {}

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
          candidates.add(new Candidate(tree, ASTHelpers.getStartPosition(tree)));
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
    nodeStarts =
        candidates.isEmpty()
            ? new int[0]
            : cfg.getAllNodes().stream()
                .map(Node::getTree)
                .filter(t -> t != null)
                .mapToInt(ASTHelpers::getStartPosition)
                .filter(p -> p >= 0)
                .sorted()
                .toArray();
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
      if (candidate.start() >= after && !nodeBetween(after, candidate.start()) && leadsOut(to)) {
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

  private boolean leadsOut(Block to) {
    if (to == cfg.getRegularExitBlock()) {
      return true;
    }
    // The graph builder marks the copy of a finally block (or of a try-with-resources close) that
    // a return runs through; if a later version words it differently, the finding stays true and
    // is only placed at the end of the body.
    return to.getNodes().stream()
        .anyMatch(node ->
            node instanceof MarkerNode marker
                && marker.getMessage().contains("finally block for return"));
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
