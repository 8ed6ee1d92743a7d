package dev.conduit.lsp;

import static com.google.common.truth.Truth.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A real editor: headless Neovim starts bin/conduit-lsp, opens the sample mistakes, checks each
 * finding and applies the LostCancel quick fix (src/test/nvim/samples_test.lua). Runs after the jar
 * is packaged, since the launcher uses it.
 */
class NeovimIT {
  @Test
  void neovimSeesEveryFindingAndAppliesTheQuickFix() throws Exception {
    Path nvim = onPath("nvim");
    Assumptions.assumeTrue(
        nvim != null,
        "nvim is not installed (apt-get install neovim): the Neovim test did not run");
    Path repository =
        Path.of(System.getProperty("conduit.lsp.repository")).toAbsolutePath().normalize();
    Path script = repository.resolve("lsp/src/test/nvim/samples_test.lua");
    Path log = Files.createTempFile("conduit-nvim", ".log");
    Instant started = Instant.now();
    ProcessBuilder pb =
        new ProcessBuilder(nvim.toString(), "--headless", "-u", "NONE", "-c", "luafile " + script)
            .directory(repository.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().put("CONDUIT_ROOT", repository.toString());
    Process p = pb.start();
    boolean ended = p.waitFor(240, TimeUnit.SECONDS);
    if (!ended) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(ended).isTrue();
    assertThat(output).doesNotContain("FAIL");
    assertThat(p.exitValue()).isEqualTo(0);
    assertThat(output).contains("ok Lost.java: the quick fix cleared LostCancel");
    // No server left behind once the editor has gone.
    Thread.sleep(500);
    List<ProcessHandle> left =
        ProcessHandle.allProcesses()
            .filter(h -> h.info().startInstant().map(s -> s.isAfter(started)).orElse(false))
            .filter(h ->
                h.info().commandLine().map(c -> c.contains("dev.conduit.lsp.Main")).orElse(false))
            .toList();
    assertThat(left).isEmpty();
  }

  private static Path onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
