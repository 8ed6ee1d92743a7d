package dev.conduit.errorprone;

import com.google.errorprone.CompilationTestHelper;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.context.UncancellableBlockingCall;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sends that cannot block because the buffer has a slot for every send the method makes: Go's error
 * channel of capacity 1 returned beside the results, and one slot per item of work.
 */
class UncancellableBlockingCallBufferTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UncancellableBlockingCall.class, getClass());

  @BeforeAll
  static void failLoudly() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
  }

  /** The Go blog's walkFiles: "No select needed for this send, since errc is buffered". */
  @Test
  void errorChannelReturnedInARecord() {
    helper
        .addSourceLines(
            "Walk.java",
            """
            import dev.conduit.Channel;
            import dev.conduit.Context;
            import dev.conduit.Go;
            import dev.conduit.Select;
            import dev.conduit.annotations.ReceiveOnly;
            import java.util.List;
            import java.util.Optional;
            class Walk {
              record Paths(@ReceiveOnly Channel<String> paths,
                  @ReceiveOnly Channel<Optional<Exception>> errc) {}
              static Optional<Exception> walk(List<String> files, java.util.function.Predicate<String> fn) {
                for (String f : files) {
                  if (!fn.test(f)) {
                    return Optional.of(new Exception("walk canceled"));
                  }
                }
                return Optional.empty();
              }
              static Paths walkFiles(Context ctx, List<String> root) {
                Channel<String> paths = Channel.unbuffered();
                Channel<Optional<Exception>> errc = Channel.buffered(1);
                Go.go(() -> {
                  try {
                    errc.send(walk(root, path -> Select.<Boolean>select()
                        .onSend(paths, path, () -> true)
                        .onDone(ctx, () -> false)
                        .await()));
                  } finally {
                    paths.close();
                  }
                });
                return new Paths(paths, errc);
              }
              // parallel.go's sumFiles: the walk's error after the results' closer is started.
              static Paths sumFiles(Context ctx, List<String> root) {
                Channel<String> c = Channel.unbuffered();
                Channel<Optional<Exception>> errc = Channel.buffered(1);
                Go.go(() -> {
                  Optional<Exception> err = walk(root, path -> true);
                  Go.go(c::close);
                  errc.send(err);
                });
                return (new Paths(c, errc));
              }
              // Two sends on one path: the second one can block.
              static Paths twice(Context ctx) {
                Channel<String> c = Channel.unbuffered();
                Channel<Optional<Exception>> errc = Channel.buffered(1);
                Go.go(() -> {
                  // BUG: Diagnostic contains: send() blocks
                  errc.send(Optional.empty());
                  // BUG: Diagnostic contains: send() blocks
                  errc.send(Optional.empty());
                });
                return new Paths(c, errc);
              }
              record Checked(Channel<String> paths, Channel<Optional<Exception>> errc) {
                Checked {
                  errc.trySend(Optional.empty());
                }
              }
              // A constructor of its own may use the channel: its sends are out of sight.
              static Checked ownConstructor(Context ctx) {
                Channel<Optional<Exception>> errc = Channel.buffered(1);
                // BUG: Diagnostic contains: send() blocks
                Go.go(() -> errc.send(Optional.empty()));
                return new Checked(Channel.unbuffered(), errc);
              }
              // Stored in a record that is kept, not returned: someone else may send too.
              static void stored(Context ctx, List<Paths> all) {
                Channel<Optional<Exception>> errc = Channel.buffered(1);
                all.add(new Paths(Channel.unbuffered(), errc));
                // BUG: Diagnostic contains: send() blocks
                Go.go(() -> errc.send(Optional.empty()));
              }
            }
            """)
        .doTest();
  }

  /** The blog's buffered gen, and fan-in with a slot per item or per counted goroutine. */
  @Test
  void slotPerItem() {
    helper
        .addSourceLines(
            "Gen.java",
            """
            import dev.conduit.Channel;
            import dev.conduit.Context;
            import dev.conduit.Go;
            import java.util.List;
            class Gen {
              static Channel<Integer> gen(Context ctx, List<Integer> nums) {
                Channel<Integer> out = Channel.buffered(nums.size());
                for (int n : nums) {
                  out.send(n);
                }
                out.close();
                return out;
              }
              static Channel<Integer> genArray(Context ctx, int... nums) {
                Channel<Integer> out = Channel.buffered(nums.length);
                outer:
                for (int n : nums) {
                  if (n < 0) {
                    continue;
                  }
                  out.send(n);
                }
                return out;
              }
              static Channel<String> first(Context ctx, List<String> replicas) {
                Channel<String> c = Channel.buffered(replicas.size());
                for (String replica : replicas) {
                  Go.go(() -> c.send(replica));
                }
                return c;
              }
              static Channel<Integer> counted(Context ctx, int n) {
                Channel<Integer> c = Channel.buffered(n);
                for (int i = 0; i < n; i++) {
                  int id = i;
                  Go.go(() -> c.send(id));
                }
                return c;
              }
              static Channel<Integer> three(Context ctx) {
                Channel<Integer> c = Channel.buffered(3);
                for (int i = 0; i < 3; i += 1) {
                  Go.go(() -> c.send(1));
                }
                return c;
              }
              // A merge forwards every value of every input: more sends than inputs.
              static Channel<String> merge(Context ctx, List<Channel<String>> inputs) {
                Channel<String> out = Channel.buffered(inputs.size());
                for (Channel<String> in : inputs) {
                  Go.go(() -> {
                    for (String v : in) {
                      // BUG: Diagnostic contains: send() blocks
                      out.send(v);
                    }
                  });
                }
                return out;
              }
              // Two sends per item.
              static Channel<Integer> twicePerItem(Context ctx, List<Integer> nums) {
                Channel<Integer> out = Channel.buffered(nums.size());
                for (int n : nums) {
                  // BUG: Diagnostic contains: send() blocks
                  out.send(n);
                  // BUG: Diagnostic contains: send() blocks
                  out.send(-n);
                }
                return out;
              }
              // Two loops over the same items.
              static Channel<Integer> twoLoops(Context ctx, List<Integer> nums) {
                Channel<Integer> out = Channel.buffered(nums.size());
                for (int n : nums) {
                  // BUG: Diagnostic contains: send() blocks
                  out.send(n);
                }
                for (int n : nums) {
                  // BUG: Diagnostic contains: send() blocks
                  out.send(n);
                }
                return out;
              }
              // A loop over other items than the capacity counts.
              static Channel<Integer> otherItems(Context ctx, List<Integer> nums, List<Integer> more) {
                Channel<Integer> out = Channel.buffered(nums.size());
                for (int n : more) {
                  // BUG: Diagnostic contains: send() blocks
                  out.send(n);
                }
                return out;
              }
              // A send after the loop needs a slot the capacity does not have.
              static Channel<Integer> sentinel(Context ctx, List<Integer> nums) {
                Channel<Integer> out = Channel.buffered(nums.size());
                for (int n : nums) {
                  // BUG: Diagnostic contains: send() blocks
                  out.send(n);
                }
                // BUG: Diagnostic contains: send() blocks
                out.send(0);
                return out;
              }
              // The index moves inside the loop: rounds are no longer items.
              static Channel<Integer> skips(Context ctx, int n) {
                Channel<Integer> c = Channel.buffered(n);
                for (int i = 0; i < n; i++) {
                  i--;
                  // BUG: Diagnostic contains: send() blocks
                  c.send(i);
                }
                return c;
              }
              // A bound that can change: the capacity was taken from an earlier value.
              static Channel<Integer> moving(Context ctx, int n) {
                Channel<Integer> c = Channel.buffered(n);
                n = n * 2;
                for (int i = 0; i < n; i++) {
                  // BUG: Diagnostic contains: send() blocks
                  c.send(i);
                }
                return c;
              }
              // A loop inside a loop runs its rounds many times.
              static Channel<Integer> nested(Context ctx, List<Integer> nums) {
                Channel<Integer> out = Channel.buffered(nums.size());
                while (out.len() < 100) {
                  for (int n : nums) {
                    // BUG: Diagnostic contains: send() blocks
                    out.send(n);
                  }
                }
                return out;
              }
            }
            """)
        .doTest();
  }
}
