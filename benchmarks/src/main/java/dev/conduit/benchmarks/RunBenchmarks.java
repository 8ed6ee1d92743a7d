package dev.conduit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The one command behind {@code benchmarks/run.sh}: runs the JMH benchmarks with {@code -prof gc},
 * measures heap per parked goroutine in a fresh JVM per competitor, then writes the tables ({@code
 * results.md}) and the chart ({@code chart.png}) from JMH's JSON, and optionally puts both into the
 * README.
 *
 * <pre>
 * --quick          1 fork, 2 warm-up and 3 measured iterations of 1 s (a few minutes in all);
 *                  without it, the iterations the benchmark classes declare
 * --forks N        JMH forks per figure (default: 1 with --quick, else what the classes declare);
 *                  the README then shows each fork's figure, so a slow regime cannot hide
 * --no-spin-gate   run the forks without {@code --add-opens java.base/java.util.concurrent},
 *                  so Conduit's virtual threads park at once (see the runtime's README)
 * --include REGEX  only the benchmarks matching REGEX (JMH's include)
 * --parked N       goroutines for the heap figure (default 1,000,000; 0 skips it)
 * --out DIR        where results go (default benchmark-results)
 * --readme FILE    replace the results section of FILE and put chart.png beside it
 * --command TEXT   the program to quote in the README, before the options that shaped the run
 * --note TEXT      a remark to print under the run's description in the README
 * --report-only    skip measuring; rebuild the report from DIR's existing JSON
 * </pre>
 */
public final class RunBenchmarks {
  private static final String USAGE =
      """
      usage: java -jar benchmarks.jar [options]
        --quick          1 fork, 2 warm-up and 3 measured iterations of 1 s
        --forks N        JMH forks per figure (default 1 with --quick)
        --no-spin-gate   forks without --add-opens java.base/java.util.concurrent
        --include REGEX  only the benchmarks matching REGEX
        --parked N       goroutines for the heap figure (default 1000000; 0 skips it)
        --out DIR        where results go (default benchmark-results)
        --readme FILE    replace the results section of FILE and put chart.png beside it
        --command TEXT   the program to quote in the README
        --note TEXT      a remark to print under the run's description in the README
        --report-only    skip measuring; rebuild the report from DIR's existing JSON
      """;

  static final String BEGIN = "<!-- results:begin -->";
  static final String END = "<!-- results:end -->";

  /**
   * What a Conduit user adds so that waiting goroutines may spin while their carrier has nothing
   * else queued (the runtime's {@code SpinGate}); every benchmark fork gets it unless {@code
   * --no-spin-gate}. It changes nothing for the other competitors.
   */
  static final String SPIN_GATE = "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED";

  private boolean quick;
  private Integer forks;
  private boolean spinGate = true;
  private String include = RunBenchmarks.class.getPackageName() + "\\..*Benchmark";
  private int parkedCount = 1_000_000;
  private Path out = Path.of("benchmark-results");
  private Path readme;
  private String command;
  private String note;
  private boolean reportOnly;

  private RunBenchmarks() {}

  public static void main(String[] args) throws Exception {
    RunBenchmarks run = new RunBenchmarks();
    run.parse(args);
    run.run();
  }

  private void parse(String[] args) {
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--forks" -> forks = Integer.parseInt(args[++i]);
        case "--no-spin-gate" -> spinGate = false;
        case "--include" -> include = args[++i];
        case "--parked" -> parkedCount = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--readme" -> readme = Path.of(args[++i]);
        case "--command" -> command = args[++i];
        case "--note" -> note = args[++i];
        case "--report-only" -> reportOnly = true;
        case "--help" -> {
          System.out.print(USAGE);
          System.exit(0);
        }
        default -> {
          System.err.print("unknown option " + args[i] + "\n" + USAGE);
          System.exit(2);
        }
      }
    }
  }

  private void run() throws Exception {
    Files.createDirectories(out);
    Path jmhJson = out.resolve("jmh-result.json");
    Path parkedJson = out.resolve("parked.json");
    Path info = out.resolve("run.txt");
    Path commandFile = out.resolve("command.txt");
    if (!reportOnly) {
      String loadAtStart = loadAverage();
      Files.writeString(info, describeRun());
      Files.writeString(commandFile, quotedCommand());
      runJmh(jmhJson);
      Files.writeString(parkedJson, parkedCount > 0 ? measureParked() : "{}");
      // Other processes on the machine skew every figure: say how busy it was.
      Files.writeString(
          info,
          Files.readString(info).strip()
              + ", system load average "
              + loadAtStart
              + " at the start and "
              + loadAverage()
              + " at the end");
    }
    String ran = Files.exists(commandFile) ? Files.readString(commandFile).strip() : "";
    report(jmhJson, parkedJson, Files.readString(info).strip(), ran);
  }

  /** The command line that reproduces this run, for the README. */
  private String quotedCommand() {
    StringBuilder text = new StringBuilder(command == null ? "RunBenchmarks" : command);
    if (quick) {
      text.append(" --quick");
    }
    if (forks != null) {
      text.append(" --forks ").append(forks);
    }
    if (!spinGate) {
      text.append(" --no-spin-gate");
    }
    if (parkedCount != 1_000_000) {
      text.append(" --parked ").append(parkedCount);
    }
    return text.toString();
  }

  private static String loadAverage() {
    double load =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", load);
  }

  /** The processor's name where Linux tells it, for the README's description of the machine. */
  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return " (" + line.substring(line.indexOf(':') + 1).strip() + ")";
        }
      }
    } catch (IOException | RuntimeException notLinux) {
      // The name is a courtesy; the core count below is what matters.
    }
    return "";
  }

  private String describeRun() {
    return String.format(
        Locale.ROOT,
        "%s run%s%s, %s UTC, JDK %s (%s), %s %s, %d cores%s%s",
        quick ? "quick" : "full",
        forks != null ? ", " + forks + (forks == 1 ? " fork" : " forks") + " per figure" : "",
        spinGate ? "" : ", without the spin gate",
        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
        Runtime.version(),
        System.getProperty("java.vm.name"),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        cpuModel(),
        parkedCount > 0 ? String.format(Locale.ROOT, ", %,d parked goroutines", parkedCount) : "");
  }

  private void runJmh(Path jmhJson) throws RunnerException {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(include)
            .addProfiler(GCProfiler.class)
            .resultFormat(ResultFormatType.JSON)
            .result(jmhJson.toString());
    if (spinGate) {
      options.jvmArgsAppend(SPIN_GATE);
    }
    if (forks != null) {
      options.forks(forks);
    }
    if (quick) {
      options
          .forks(forks == null ? 1 : forks)
          .warmupIterations(2)
          .warmupTime(TimeValue.seconds(1))
          .measurementIterations(3)
          .measurementTime(TimeValue.seconds(1));
    }
    new Runner(options.build()).run();
  }

  /** Runs ParkedHeap in a fresh JVM per competitor, so no run inherits another's garbage. */
  private String measureParked() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Map<String, String> bytes = new LinkedHashMap<>();
    for (String impl : ParkedHeap.IMPLS) {
      List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx4g"));
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
      cmd.addAll(List.of(ParkedHeap.class.getName(), Integer.toString(parkedCount), impl));
      Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String last = null;
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          System.out.println("[parked] " + line);
          if (line.startsWith(impl + " ")) {
            last = line.substring(impl.length() + 1).strip();
          }
        }
      }
      if (process.waitFor() != 0 || last == null) {
        throw new IOException("ParkedHeap failed for " + impl);
      }
      bytes.put(impl, last);
    }
    StringBuilder json = new StringBuilder("{");
    bytes.forEach((impl, value) ->
        json.append(json.length() > 1 ? ", " : "")
            .append('"')
            .append(impl)
            .append("\": ")
            .append(value));
    return json.append("}\n").toString();
  }

  private void report(Path jmhJson, Path parkedJson, String runInfo, String ran)
      throws IOException {
    List<Results.Row> rows = Results.read(jmhJson);
    Map<String, Double> parked =
        Files.exists(parkedJson) ? Results.readParked(parkedJson) : Map.of();
    String tables = Report.markdown(rows, parked);
    Files.writeString(out.resolve("results.md"), tables);
    Path chart = out.resolve("chart.png");
    Chart.write(rows, parked, runInfo, chart);
    System.out.println(tables);
    System.out.println("Wrote " + out.resolve("results.md") + " and " + chart);
    if (readme != null) {
      Path readmeChart = readme.toAbsolutePath().resolveSibling("chart.png");
      Files.copy(chart, readmeChart, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      StringBuilder section = new StringBuilder();
      section.append("Measured by `").append(ran).append("`: ").append(runInfo).append(".\n");
      if (note != null) {
        section.append('\n').append(note).append('\n');
      }
      section.append("\n![Bar chart of the results](chart.png)\n\n").append(tables);
      updateReadme(readme, section.toString());
      System.out.println("Updated " + readme + " and " + readmeChart);
    }
  }

  /** Replaces what lies between the README's result markers, leaving the rest untouched. */
  static void updateReadme(Path readme, String section) throws IOException {
    String text = Files.readString(readme);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IOException(readme + " lacks the " + BEGIN + " ... " + END + " markers");
    }
    Files.writeString(
        readme, text.substring(0, begin + BEGIN.length()) + "\n" + section + text.substring(end));
  }
}
