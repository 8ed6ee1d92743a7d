package com.example.gooriginals;

import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.Go;
import dev.conduit.Select;
import dev.conduit.WaitGroup;
import dev.conduit.annotations.ReceiveOnly;
import dev.conduit.annotations.SendOnly;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Go blog's "Pipelines and cancellation", digesting a tree: the parallel version (a goroutine
 * per file) and the bounded one (a fixed number of digesters). Go's {@code error} result travels
 * as an {@code Optional<Exception>}; Go's two return values are a record.
 */
public final class Md5Files {
  private Md5Files() {}

  /** Go's {@code result{path, sum, err}}. */
  public record Result(Path path, String sum, Optional<Exception> err) {}

  /** Go's {@code (<-chan result, <-chan error)}. */
  public record Sums(
      @ReceiveOnly Channel<Result> results, @ReceiveOnly Channel<Optional<Exception>> errc) {}

  /** Go's {@code (<-chan string, <-chan error)}. */
  public record Paths(
      @ReceiveOnly Channel<Path> paths, @ReceiveOnly Channel<Optional<Exception>> errc) {}

  /** Go's filepath.WalkFunc for regular files: an exception stops the walk. */
  interface RegularFileFunc {
    void visit(Path path) throws IOException;
  }

  /** filepath.Walk over regular files; returns the error that stopped it, as Go's Walk does. */
  static Optional<Exception> walk(Path root, RegularFileFunc fn) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path path, BasicFileAttributes info)
                throws IOException {
              if (info.isRegularFile()) {
                fn.visit(path);
              }
              return FileVisitResult.CONTINUE;
            }
          });
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(e);
    }
  }

  static String md5(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Result digest(Path path) {
    try {
      return new Result(path, md5(Files.readAllBytes(path)), Optional.empty());
    } catch (IOException e) {
      return new Result(path, "", Optional.of(e));
    }
  }

  // ---- parallel.go ----

  static Sums sumFiles(Context ctx, Path root) {
    // For each regular file, start a goroutine that sums the file and sends the result on c.
    // Send the result of the walk on errc.
    Channel<Result> c = Channel.unbuffered();
    Channel<Optional<Exception>> errc = Channel.buffered(1);
    Go.go(
        () -> {
          WaitGroup wg = new WaitGroup();
          Optional<Exception> err =
              walk(
                  root,
                  path -> {
                    wg.add(1);
                    Go.go(
                        () -> {
                          Result result = digest(path);
                          Select.<Boolean>select()
                              .onSend(c, result, () -> true)
                              .onDone(ctx, () -> false)
                              .await();
                          wg.done();
                        });
                    // Abort the walk if done is closed.
                    boolean canceled =
                        Select.<Boolean>select()
                            .onDone(ctx, () -> true)
                            .orElse(() -> false)
                            .await();
                    if (canceled) {
                      throw new IOException("walk canceled");
                    }
                  });
          // Walk has returned, so all calls to wg.add are done. Start a goroutine to close c
          // once all the sends are done.
          Go.go(
              () -> {
                wg.await();
                c.close();
              });
          // No select needed here, since errc is buffered.
          errc.send(err);
        });
    return new Sums(c, errc);
  }

  /** The parallel MD5All: a goroutine per file. */
  public static Map<Path, String> md5AllParallel(Path root) throws Exception {
    // MD5All closes the done channel when it returns; it may do so before receiving all the
    // values from c and errc.
    try (var ctx = Context.background().withCancel()) {
      Sums sums = sumFiles(ctx, root);
      Map<Path, String> m = new TreeMap<>();
      for (Result r : sums.results()) {
        if (r.err().isPresent()) {
          throw r.err().get();
        }
        m.put(r.path(), r.sum());
      }
      Optional<Exception> err = sums.errc().receive();
      if (err.isPresent()) {
        throw err.get();
      }
      return m;
    }
  }

  // ---- bounded.go ----

  static Paths walkFiles(Context ctx, Path root) {
    Channel<Path> paths = Channel.unbuffered();
    Channel<Optional<Exception>> errc = Channel.buffered(1);
    Go.go(
        () -> {
          try { // Close the paths channel after Walk returns.
            // No select needed for this send, since errc is buffered.
            errc.send(
                walk(
                    root,
                    path -> {
                      boolean sent =
                          Select.<Boolean>select()
                              .onSend(paths, path, () -> true)
                              .onDone(ctx, () -> false)
                              .await();
                      if (!sent) {
                        throw new IOException("walk canceled");
                      }
                    }));
          } finally {
            paths.close();
          }
        });
    return new Paths(paths, errc);
  }

  /** Reads path names from paths and sends digests of the files on c until paths or ctx is done. */
  static void digester(
      Context ctx, @ReceiveOnly Channel<Path> paths, @SendOnly Channel<Result> c) {
    for (Path path : paths) {
      Result result = digest(path);
      boolean sent =
          Select.<Boolean>select().onSend(c, result, () -> true).onDone(ctx, () -> false).await();
      if (!sent) {
        return;
      }
    }
  }

  /** The bounded MD5All: a fixed number of goroutines read files. */
  public static Map<Path, String> md5AllBounded(Path root) throws Exception {
    try (var ctx = Context.background().withCancel()) {
      Paths walked = walkFiles(ctx, root);
      // Start a fixed number of goroutines to read and digest files.
      Channel<Result> c = Channel.unbuffered();
      WaitGroup wg = new WaitGroup();
      final int numDigesters = 20;
      wg.add(numDigesters);
      for (int i = 0; i < numDigesters; i++) {
        Go.go(
            () -> {
              digester(ctx, walked.paths(), c);
              wg.done();
            });
      }
      Go.go(
          () -> {
            wg.await();
            c.close();
          });
      Map<Path, String> m = new TreeMap<>();
      for (Result r : c) {
        if (r.err().isPresent()) {
          throw r.err().get();
        }
        m.put(r.path(), r.sum());
      }
      // Check whether the Walk failed.
      Optional<Exception> err = walked.errc().receive();
      if (err.isPresent()) {
        throw err.get();
      }
      return m;
    }
  }
}
