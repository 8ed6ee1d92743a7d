package com.example.gooriginals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.CancellableContext;
import dev.conduit.Channel;
import dev.conduit.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each Go original runs and its result is checked against what the Go program prints. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GoOriginalsTest {

  @TempDir Path root;

  private Map<Path, String> tree() throws Exception {
    Map<Path, String> expected = new TreeMap<>();
    Files.createDirectories(root.resolve("sub/deeper"));
    for (String name : List.of("a.txt", "sub/b.txt", "sub/deeper/c.txt", "sub/empty.txt")) {
      byte[] data = (name.contains("empty") ? "" : "contents of " + name).getBytes(StandardCharsets.UTF_8);
      Path path = Files.write(root.resolve(name), data);
      expected.put(path, HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data)));
    }
    return expected;
  }

  @Test
  void pipelines() {
    int first = Pipelines.firstSquare(Context.background());
    assertTrue(first == 4 || first == 9, "first square: " + first);
    int sum = 0;
    for (int n : Pipelines.sq(Context.background(), Pipelines.genBuffered(1, 2, 3))) {
      sum += n;
    }
    assertEquals(14, sum);
    List<Integer> all = new ArrayList<>();
    var ctx = Context.background();
    for (int n : Pipelines.merge(ctx, Pipelines.sq(ctx, Pipelines.genAll(ctx, List.of(2, 3, 4))))) {
      all.add(n);
    }
    assertEquals(List.of(4, 9, 16), all);
  }

  @Test
  void md5ParallelAndBounded() throws Exception {
    Map<Path, String> expected = tree();
    assertEquals(expected, Md5Files.md5AllParallel(root));
    assertEquals(expected, Md5Files.md5AllBounded(root));
    assertEquals(expected, ErrGroupExamples.md5All(Context.background(), root));
  }

  @Test
  void md5ReportsAMissingRoot() {
    Path missing = root.resolve("missing");
    Exception parallel =
        org.junit.jupiter.api.Assertions.assertThrows(
            IOException.class, () -> Md5Files.md5AllParallel(missing));
    assertTrue(parallel.getMessage().contains("missing"), parallel.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(
        IOException.class, () -> Md5Files.md5AllBounded(missing));
  }

  @Test
  void contextSearch() {
    var fast = ContextSearch.fakeBackend(Duration.ofMillis(5));
    String ok = ContextSearch.handleSearch(fast, "golang", Optional.empty(), "10.0.0.1");
    assertTrue(ok.startsWith("200 [golang for 10.0.0.1, golang tutorial]"), ok);
    var slow = ContextSearch.fakeBackend(Duration.ofSeconds(10));
    long start = System.nanoTime();
    String late =
        ContextSearch.handleSearch(slow, "golang", Optional.of(Duration.ofMillis(50)), "10.0.0.1");
    assertEquals("500 DeadlineExceededException", late);
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "the timeout cut it short");
    assertEquals("400 no query", ContextSearch.handleSearch(fast, "", Optional.empty(), "x"));
  }

  @Test
  void errGroupExamples() {
    List<String> urls = List.of("http://www.golang.org/", "http://www.google.com/", "http://x/");
    assertEquals("Successfully fetched all URLs.", ErrGroupExamples.justErrors(url -> {}, urls));
    String failed =
        ErrGroupExamples.justErrors(
            url -> {
              if (url.contains("google")) {
                throw new IOException("no route to " + url);
              }
            },
            urls);
    assertTrue(failed.contains("no route to http://www.google.com/"), failed);
    assertEquals(
        List.of(
            "web result for \"golang\"", "image result for \"golang\"", "video result for \"golang\""),
        ErrGroupExamples.google(Context.background(), "golang"));
    AtomicInteger fetched = new AtomicInteger();
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      many.add("http://host/" + i);
    }
    int most =
        ErrGroupExamples.limited(
            url -> {
              fetched.incrementAndGet();
              TalkPatterns.sleep(Duration.ofMillis(5));
            },
            many,
            2);
    assertEquals(12, fetched.get());
    assertTrue(most >= 1 && most <= 2, "at most 2 at once, saw " + most);
  }

  @Test
  void generatorAndFanIn() {
    var joe = TalkPatterns.boring("Joe");
    for (int i = 0; i < 5; i++) {
      assertEquals("Joe " + i, joe.receive());
    }
    var both = TalkPatterns.fanIn(TalkPatterns.boring("Joe"), TalkPatterns.boring("Ann"));
    var viaSelect =
        TalkPatterns.fanInSelect(TalkPatterns.boring("Joe"), TalkPatterns.boring("Ann"));
    for (var c : List.of(both, viaSelect)) {
      Set<String> speakers = new java.util.HashSet<>();
      for (int i = 0; i < 40 && speakers.size() < 2; i++) {
        String line = c.receive();
        speakers.add(line.substring(0, line.indexOf(' ')));
      }
      assertEquals(Set.of("Joe", "Ann"), speakers);
    }
  }

  @Test
  void timeouts() {
    dev.conduit.Channel<String> three = dev.conduit.Channel.buffered(3);
    three.send("a");
    three.send("b");
    three.send("c");
    assertEquals(
        List.of("a", "b", "c", "You're too slow."),
        TalkPatterns.timeoutPerMessage(three, Duration.ofMillis(50)));
    List<String> conversation =
        TalkPatterns.timeoutWholeConversation(TalkPatterns.boring("Joe"), Duration.ofMillis(100));
    assertEquals("You talk too much.", conversation.get(conversation.size() - 1));
    assertTrue(conversation.size() > 2, "Joe said something first: " + conversation);
  }

  @Test
  void quit() {
    List<String> cleaned = new ArrayList<>();
    List<String> heard = TalkPatterns.quitConversation(3, who -> cleaned.add(who));
    assertEquals(List.of("Joe: 0", "Joe: 1", "Joe: 2", "Joe: 3", "Joe says: See you!"), heard);
    assertEquals(List.of("Joe"), cleaned);
  }

  @Test
  void gracefulServer() throws Exception {
    Channel<String> jobs = Channel.unbuffered();
    List<String> handled = java.util.Collections.synchronizedList(new ArrayList<>());
    try (CancellableContext ctx = Context.background().withCancel()) {
      var server =
          java.util.concurrent.CompletableFuture.runAsync(
              () -> GracefulServer.serve(ctx, jobs.receiveOnly(), 3, handled::add));
      for (String job : List.of("a", "b", "c", "d")) {
        jobs.send(job); // taken by a worker: the pool is running
      }
      ctx.cancel();
      server.get(10, TimeUnit.SECONDS); // returns only once every worker has
    }
    assertEquals(Set.of("a", "b", "c", "d"), Set.copyOf(handled));
  }

  @Test
  void daisyChain() {
    assertEquals(10001, TalkPatterns.daisyChain(10000));
  }

  @Test
  void googleSearchWithReplicas() {
    var fast = List.of(
        GoogleSearch.fakeSearch("web", Duration.ofMillis(10)),
        GoogleSearch.fakeSearch("web", Duration.ofMillis(10)));
    assertEquals("web result for \"golang\"", GoogleSearch.first("golang", fast));
    List<String> results =
        GoogleSearch.google(
            "golang",
            fast,
            List.of(GoogleSearch.fakeSearch("image", Duration.ofMillis(10))),
            List.of(GoogleSearch.fakeSearch("video", Duration.ofMillis(10))),
            Duration.ofSeconds(10));
    assertEquals(
        Set.of("web result for \"golang\"", "image result for \"golang\"", "video result for \"golang\""),
        Set.copyOf(results));
    List<String> slow =
        GoogleSearch.google(
            "golang",
            fast,
            List.of(query -> {
              TalkPatterns.sleep(Duration.ofSeconds(2));
              return "image";
            }),
            List.of(GoogleSearch.fakeSearch("video", Duration.ofMillis(10))),
            Duration.ofMillis(300));
    assertEquals("timed out", slow.get(slow.size() - 1));
  }
}
