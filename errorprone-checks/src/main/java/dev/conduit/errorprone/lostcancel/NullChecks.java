package dev.conduit.errorprone.lostcancel;

import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import java.util.List;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.checkerframework.errorprone.dataflow.cfg.block.ConditionalBlock;
import org.checkerframework.errorprone.dataflow.cfg.node.BinaryOperationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.EqualToNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.NotEqualNode;
import org.checkerframework.errorprone.dataflow.cfg.node.NullLiteralNode;
import org.jspecify.annotations.Nullable;

/** Which local a branch of {@code local == null} or {@code local != null} knows to be null. */
final class NullChecks {

  private NullChecks() {}

  /**
   * A null check's outcome along an edge.
   *
   * @param local the local known to be null
   * @param test the comparison, where the knowledge holds
   */
  record NullEdge(Symbol local, Tree test) {}

  /** The local that is null along the edge from {@code from} to {@code to}, or null. */
  static @Nullable NullEdge nullOnEdge(Block from, Block to) {
    if (!(from instanceof ConditionalBlock conditional) || from.getPredecessors().size() != 1) {
      return null;
    }
    List<Node> nodes = from.getPredecessors().iterator().next().getNodes();
    if (nodes.isEmpty() || !(nodes.get(nodes.size() - 1) instanceof BinaryOperationNode test)) {
      return null;
    }
    boolean nullWhenTrue;
    if (test instanceof EqualToNode) {
      nullWhenTrue = true;
    } else if (test instanceof NotEqualNode) {
      nullWhenTrue = false;
    } else {
      return null;
    }
    LocalVariableNode local = nullComparedLocal(test.getLeftOperand(), test.getRightOperand());
    if (local == null) {
      local = nullComparedLocal(test.getRightOperand(), test.getLeftOperand());
    }
    if (local == null || conditional.getThenSuccessor() == conditional.getElseSuccessor()) {
      return null;
    }
    boolean thenEdge = to == conditional.getThenSuccessor();
    return thenEdge == nullWhenTrue && test.getTree() != null
        ? new NullEdge((Symbol) local.getElement(), test.getTree())
        : null;
  }

  private static @Nullable LocalVariableNode nullComparedLocal(Node variable, Node literal) {
    return variable instanceof LocalVariableNode local && literal instanceof NullLiteralNode
        ? local
        : null;
  }
}
