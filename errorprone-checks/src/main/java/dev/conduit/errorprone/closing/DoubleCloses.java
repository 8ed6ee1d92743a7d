package dev.conduit.errorprone.closing;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DoubleClose's analysis of one method: its own body and each of its lambdas' bodies. */
final class DoubleCloses {

  /**
   * A close that may close a closed channel.
   *
   * @param at the close: {@code x.close()}, {@code x::close} handed to a goroutine or {@code
   *     afterFunc}, or a call of a helper that closes its argument
   * @param channel how the code names the channel
   * @param earlier the close that may have closed it first; {@code at} itself when it repeats (a
   *     loop, or every goroutine a loop starts)
   */
  public record Report(Tree at, String channel, Tree earlier) {}

  private DoubleCloses() {}

  /** The double closes in the method at {@code method}, each reported once. */
  public static List<Report> find(TreePath method, VisitorState state) {
    // Cheap first: one syntactic walk; the graphs are built only for methods that close.
    CloseSites sites = CloseSites.scan(method, state);
    if (!sites.anyClose()) {
      return List.of();
    }
    List<TreePath> bodies = new ArrayList<>();
    bodies.add(method);
    bodies.addAll(sites.lambdas());
    CloseFlow flow = new CloseFlow(state, sites);
    Map<Tree, Report> reports = new LinkedHashMap<>();
    for (TreePath body : bodies) {
      for (CloseFlow.Report report : flow.analyze(body)) {
        reports.putIfAbsent(
            report.at(), new Report(report.at(), report.channel(), report.earlier()));
      }
    }
    return List.copyOf(reports.values());
  }
}
