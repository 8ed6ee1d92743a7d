package dev.conduit.errorprone.abandoned;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;

/**
 * The heaviest path from one block of a graph that may have cycles: the strongly connected
 * components (Tarjan's algorithm) are collapsed, a component that is a cycle and has any weight
 * weighs {@link ChannelOps#UNBOUNDED}, and the heaviest path through the resulting acyclic graph is
 * filled in component by component.
 */
final class Longest {

  private final List<Block> blocks;
  private final Map<Block, List<Block>> next;
  private final Map<Block, Long> weights;
  private final Map<Block, Integer> component = new HashMap<>();
  private final Map<Integer, Long> componentWeight = new HashMap<>();
  private final Map<Integer, Boolean> cyclic = new HashMap<>();
  private final Map<Integer, Long> best = new HashMap<>();

  Longest(List<Block> blocks, Map<Block, List<Block>> next, Map<Block, Long> weights) {
    this.blocks = blocks;
    this.next = next;
    this.weights = weights;
    heaviestPaths(components());
  }

  long from(Block start) {
    return best.getOrDefault(component.get(start), 0L);
  }

  /**
   * Tarjan's algorithm numbers a component only after every component reachable from it, so the
   * heaviest paths can be filled in by number, each from its successors' already known ones.
   */
  private void heaviestPaths(int count) {
    Map<Integer, List<Integer>> edges = new HashMap<>();
    for (Block block : blocks) {
      int c = component.get(block);
      for (Block successor : next.getOrDefault(block, List.of())) {
        int d = component.get(successor);
        if (d != c) {
          edges.computeIfAbsent(c, unused -> new java.util.ArrayList<>()).add(d);
        }
      }
    }
    for (int c = 0; c < count; c++) {
      long own = componentWeight.getOrDefault(c, 0L);
      if (own > 0 && cyclic.getOrDefault(c, false)) {
        own = ChannelOps.UNBOUNDED;
      }
      long tail = 0;
      for (int d : edges.getOrDefault(c, List.of())) {
        tail = Math.max(tail, best.get(d));
      }
      best.put(c, Math.min(ChannelOps.UNBOUNDED, own + tail));
    }
  }

  /** Tarjan's algorithm, iterative so that a long method cannot overflow the stack. */
  private int components() {
    Map<Block, Integer> index = new HashMap<>();
    Map<Block, Integer> low = new HashMap<>();
    Deque<Block> stack = new ArrayDeque<>();
    java.util.Set<Block> onStack = new java.util.HashSet<>();
    int[] counter = {0};
    int[] components = {0};
    for (Block root : blocks) {
      if (index.containsKey(root)) {
        continue;
      }
      Deque<Object[]> calls = new ArrayDeque<>(); // {block, next successor position}
      calls.push(new Object[] {root, 0});
      index.put(root, counter[0]);
      low.put(root, counter[0]++);
      stack.push(root);
      onStack.add(root);
      while (!calls.isEmpty()) {
        Object[] frame = calls.peek();
        Block block = (Block) frame[0];
        List<Block> successors = next.getOrDefault(block, List.of());
        int position = (Integer) frame[1];
        if (position < successors.size()) {
          frame[1] = position + 1;
          Block successor = successors.get(position);
          if (!index.containsKey(successor)) {
            index.put(successor, counter[0]);
            low.put(successor, counter[0]++);
            stack.push(successor);
            onStack.add(successor);
            calls.push(new Object[] {successor, 0});
          } else if (onStack.contains(successor)) {
            low.put(block, Math.min(low.get(block), index.get(successor)));
          }
          continue;
        }
        calls.pop();
        if (!calls.isEmpty()) {
          Block parent = (Block) calls.peek()[0];
          low.put(parent, Math.min(low.get(parent), low.get(block)));
        }
        if (low.get(block).equals(index.get(block))) {
          int c = components[0]++;
          int size = 0;
          long weight = 0;
          boolean selfLoop = successors.contains(block);
          Block member;
          do {
            member = stack.pop();
            onStack.remove(member);
            component.put(member, c);
            weight = Math.min(ChannelOps.UNBOUNDED, weight + weights.getOrDefault(member, 0L));
            size++;
          } while (member != block);
          componentWeight.put(c, weight);
          cyclic.put(c, size > 1 || selfLoop);
        }
      }
    }
    return components[0];
  }
}
