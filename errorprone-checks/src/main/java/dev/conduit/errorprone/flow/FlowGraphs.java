package dev.conduit.errorprone.flow;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.checkerframework.errorprone.dataflow.cfg.block.ConditionalBlock;
import org.checkerframework.errorprone.dataflow.cfg.block.ExceptionBlock;
import org.checkerframework.errorprone.dataflow.cfg.block.SingleSuccessorBlock;
import org.checkerframework.errorprone.dataflow.cfg.builder.CFGBuilder;

/**
 * Error Prone's dataflow control-flow graphs for the flow analyses of DoubleClose and
 * AbandonedSender: built once per body of code (a method's or a lambda's) and kept for the rest of
 * the file, since both rules may ask about the same body several times.
 */
public final class FlowGraphs {

  /** A control-flow edge; exceptional edges leave a node that threw. */
  public record Edge(Block from, Block to, boolean exceptional) {}

  /** Graphs of the file checked last, by the method or lambda they are built for. */
  private static final ThreadLocal<Cache> CACHE = new ThreadLocal<>();

  private record Cache(Tree unit, Map<Tree, ControlFlowGraph> graphs) {}

  private FlowGraphs() {}

  /** The graph of the method or lambda at {@code bodyOwner}, built once per file. */
  public static ControlFlowGraph of(TreePath bodyOwner, VisitorState state) {
    Cache cache = CACHE.get();
    if (cache == null || cache.unit() != bodyOwner.getCompilationUnit()) {
      cache = new Cache(bodyOwner.getCompilationUnit(), new IdentityHashMap<>());
      CACHE.set(cache);
    }
    return cache.graphs().computeIfAbsent(bodyOwner.getLeaf(), leaf -> build(bodyOwner, state));
  }

  /** Whether {@code tree} owns a body the graphs are built for: a method or a lambda. */
  public static boolean isBodyOwner(Tree tree) {
    return tree instanceof LambdaExpressionTree
        || (tree instanceof MethodTree method && method.getBody() != null);
  }

  /** The path to the innermost method or lambda around {@code path}, or null. */
  public static TreePath enclosingBody(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      if (current != path && isBodyOwner(current.getLeaf())) {
        return current;
      }
      if (current.getLeaf() instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }

  /** The successors of {@code block}, exceptional ones included. */
  public static List<Edge> successors(Block block) {
    List<Edge> successors = new ArrayList<>(2);
    if (block instanceof ConditionalBlock conditional) {
      successors.add(new Edge(block, conditional.getThenSuccessor(), false));
      successors.add(new Edge(block, conditional.getElseSuccessor(), false));
    } else if (block instanceof SingleSuccessorBlock single && single.getSuccessor() != null) {
      successors.add(new Edge(block, single.getSuccessor(), false));
    }
    if (block instanceof ExceptionBlock exceptional) {
      exceptional
          .getExceptionalSuccessors()
          .values()
          .forEach(blocks -> blocks.forEach(to -> successors.add(new Edge(block, to, true))));
    }
    return successors;
  }

  /** The blocks reachable from the entry along the edges {@code follow} accepts. */
  public static Set<Block> reachable(ControlFlowGraph cfg, BiPredicate<Block, Block> follow) {
    Set<Block> seen = new HashSet<>();
    Deque<Block> work = new ArrayDeque<>();
    work.add(cfg.getEntryBlock());
    seen.add(cfg.getEntryBlock());
    while (!work.isEmpty()) {
      for (Edge edge : successors(work.poll())) {
        if (follow.test(edge.from(), edge.to()) && seen.add(edge.to())) {
          work.add(edge.to());
        }
      }
    }
    return seen;
  }

  private static ControlFlowGraph build(TreePath bodyOwner, VisitorState state) {
    ClassTree enclosingClass = null;
    MethodTree enclosingMethod = null;
    for (Tree tree : bodyOwner) {
      if (tree instanceof MethodTree method && enclosingMethod == null) {
        enclosingMethod = method;
      }
      if (tree instanceof ClassTree cls) {
        enclosingClass = cls;
        break;
      }
    }
    UnderlyingAST ast =
        bodyOwner.getLeaf() instanceof LambdaExpressionTree lambda
            ? new UnderlyingAST.CFGLambda(lambda, enclosingClass, enclosingMethod)
            : new UnderlyingAST.CFGMethod((MethodTree) bodyOwner.getLeaf(), enclosingClass);
    return CFGBuilder.build(
        bodyOwner.getCompilationUnit(),
        ast,
        false,
        false,
        JavacProcessingEnvironment.instance(state.context));
  }
}
