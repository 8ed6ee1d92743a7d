package dev.conduit.lsp;

import dev.conduit.vet.Rules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the warm compiler of one project needs.
 *
 * @param root the folder of the project's pom.xml, or the file's source root without one
 * @param sourceRoots where javac looks up the project's other classes, as sources
 * @param classpath the project's dependencies, path-separated
 * @param errorProneSettings the pom's {@code -Xep:Rule:LEVEL} and {@code -XepOpt:...} settings
 */
record ProjectConfig(
    Path root, List<Path> sourceRoots, String classpath, List<String> errorProneSettings) {

  /**
   * Error Prone's options for Conduit's rules only: a setting for another check in the pom is the
   * build's business, and Error Prone would reject a name it does not know.
   */
  List<String> errorProneArgs(Rules rules) {
    List<String> args = new ArrayList<>();
    for (String s : errorProneSettings) {
      if (s.startsWith("-XepOpt:")) {
        args.add(s);
      } else if (s.startsWith("-Xep:")) {
        String name = s.substring("-Xep:".length()).split(":", 2)[0];
        if (rules.isKnown(name)) {
          args.add(s);
        }
      }
    }
    return args;
  }
}
