package dev.conduit;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The context tree: roots, cancellation, causes, values, withoutCancel and afterFunc. */
class ContextTest {

  @Test
  void rootsAreNeverDone() {
    for (Context root : new Context[] {Context.background(), Context.todo()}) {
      assertThat(root.err()).isNull();
      assertThat(root.cause()).isNull();
      assertThat(root.deadline()).isNull();
      assertThat(root.isDone()).isFalse();
      assertThat(root.done().tryReceive()).isNull();
      assertThat(root.done().isClosed()).isFalse();
    }
    assertThat(Context.background()).isSameInstanceAs(Context.background());
    assertThat(Context.background()).isNotSameInstanceAs(Context.todo());
    assertThat(Context.background().toString()).isEqualTo("Context.background()");
    assertThat(Context.todo().toString()).isEqualTo("Context.todo()");
  }

  @Test
  void neverDoneContextsShareOneDoneChannel() {
    Channel<Void> shared = Context.background().done();
    assertThat(Context.todo().done()).isSameInstanceAs(shared);
    assertThat(Context.background().withValue(ContextKey.named("k"), "v").done())
        .isSameInstanceAs(shared);
    try (CancellableContext ctx = Context.background().withCancel()) {
      assertThat(ctx.withoutCancel().done()).isSameInstanceAs(shared);
    }
    // Nobody can close it through the view it is handed out as.
    assertThrows(UnsupportedOperationException.class, () -> shared.close());
  }

  @Test
  void cancelClosesDoneAndSetsCanceled() {
    CancellableContext ctx = Context.background().withCancel();
    Channel<Void> done = ctx.done();
    assertThat(ctx.done()).isSameInstanceAs(done);
    assertThat(done.isClosed()).isFalse();
    assertThat(ctx.err()).isNull();

    ctx.cancel();

    assertThat(done.isClosed()).isTrue();
    assertThat(ctx.err()).isInstanceOf(CanceledException.class);
    assertThat(ctx.err()).isSameInstanceAs(ctx.err());
    assertThat(ctx.cause()).isSameInstanceAs(ctx.err());
    assertThat(ctx.isDone()).isTrue();
  }

  @Test
  void cancelIsIdempotentAndFirstCauseStays() {
    CancellableContext ctx = Context.background().withCancel();
    IllegalStateException first = new IllegalStateException("first");
    ctx.cancel(first);
    ContextDoneException err = ctx.err();
    ctx.cancel(new IllegalStateException("second"));
    ctx.cancel();
    ctx.close();
    assertThat(ctx.err()).isSameInstanceAs(err);
    assertThat(ctx.cause()).isSameInstanceAs(first);
    assertThat(err).hasCauseThat().isSameInstanceAs(first);
  }

  @Test
  void unrelatedCancellationsDoNotShareTheirError() {
    CancellableContext a = Context.background().withCancel();
    CancellableContext b = Context.background().withCancel();
    a.cancel();
    b.cancel();
    // Exceptions are mutable (suppressed ones can be attached): no program-wide instance.
    assertThat(a.err()).isNotSameInstanceAs(b.err());
  }

  @Test
  void deepChainCancelsEveryLevel() {
    CancellableContext root = Context.background().withCancel();
    Context leaf = root;
    for (int i = 0; i < 10_000; i++) {
      leaf = leaf.withCancel();
    }
    Channel<Void> leafDone = leaf.done();
    root.cancel();
    assertThat(leafDone.isClosed()).isTrue();
    assertThat(leaf.err()).isSameInstanceAs(root.err());
  }

  @Test
  void everyCancelReturnsOnlyOnceEveryDescendantIsDone() throws Exception {
    // Two threads cancel the same root; the one that finds it already being cancelled must not
    // return before the other has finished the subtree (Go's guarantee too).
    for (int round = 0; round < 200; round++) {
      CancellableContext root = Context.background().withCancel();
      Context leaf = root;
      for (int i = 0; i < 200; i++) {
        leaf = leaf.withCancel();
        leaf.withCancel(); // a sibling at every level
      }
      Context deepest = leaf;
      Channel<Boolean> leafDoneAfterCancel = Channel.buffered(2);
      CountDownLatch start = new CountDownLatch(1);
      for (int t = 0; t < 2; t++) {
        Go.go(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
          root.cancel();
          leafDoneAfterCancel.send(deepest.isDone());
        });
      }
      start.countDown();
      assertThat(leafDoneAfterCancel.receive()).isTrue();
      assertThat(leafDoneAfterCancel.receive()).isTrue();
    }
  }

  @Test
  void closeCancels() {
    CancellableContext outer;
    try (CancellableContext ctx = Context.background().withCancel()) {
      outer = ctx;
      assertThat(ctx.isDone()).isFalse();
    }
    assertThat(outer.err()).isInstanceOf(CanceledException.class);
  }

  @Test
  void doneRequestedAfterCancelIsAlreadyClosed() {
    CancellableContext ctx = Context.background().withCancel();
    ctx.cancel();
    assertThat(ctx.done().isClosed()).isTrue();
    assertThat(ctx.done().tryReceive()).isNull();
    assertThrows(ChannelClosedException.class, () -> ctx.done().receive());
  }

  @Test
  void cancellingParentCancelsEveryDescendant() {
    CancellableContext root = Context.background().withCancel();
    CancellableContext child = root.withCancel();
    Context valued = child.withValue(ContextKey.named("k"), 1);
    CancellableContext grandchild = valued.withCancel();
    CancellableContext timed = grandchild.withTimeout(Duration.ofHours(1));
    Channel<Void> grandchildDone = grandchild.done();
    IllegalArgumentException cause = new IllegalArgumentException("stop");

    root.cancel(cause);

    for (Context c : new Context[] {root, child, valued, grandchild, timed}) {
      assertThat(c.err()).isInstanceOf(CanceledException.class);
      assertThat(c.cause()).isSameInstanceAs(cause);
      assertThat(c.done().isClosed()).isTrue();
    }
    assertThat(grandchildDone.isClosed()).isTrue();
  }

  @Test
  void cancellingChildLeavesParentAndSiblingsAlone() {
    try (CancellableContext parent = Context.background().withCancel();
        CancellableContext sibling = parent.withCancel()) {
      CancellableContext child = parent.withCancel();
      CancellableContext grandchild = child.withCancel();
      child.cancel();
      assertThat(grandchild.isDone()).isTrue();
      assertThat(parent.isDone()).isFalse();
      assertThat(parent.done().isClosed()).isFalse();
      assertThat(sibling.isDone()).isFalse();
    }
  }

  @Test
  void childOfDoneParentIsBornDone() {
    CancellableContext parent = Context.background().withCancel();
    RuntimeException cause = new RuntimeException("gone");
    parent.cancel(cause);
    try (CancellableContext child = parent.withCancel();
        CancellableContext timed = parent.withTimeout(Duration.ofHours(1))) {
      assertThat(child.err()).isInstanceOf(CanceledException.class);
      assertThat(child.cause()).isSameInstanceAs(cause);
      assertThat(timed.err()).isInstanceOf(CanceledException.class);
      assertThat(child.done().isClosed()).isTrue();
    }
  }

  @Test
  void valuesAreFoundThroughTheParentChainNearestFirst() {
    ContextKey<String> user = ContextKey.named("user");
    ContextKey<Integer> attempt = ContextKey.named("attempt");
    ContextKey<String> sameName = ContextKey.named("user");

    Context base = Context.background().withValue(user, "ada");
    try (CancellableContext cancellable = base.withCancel()) {
      Context shadowed = cancellable.withValue(attempt, 1).withValue(user, "grace");
      assertThat(shadowed.value(user)).isEqualTo("grace");
      assertThat(shadowed.value(attempt)).isEqualTo(1);
      assertThat(cancellable.value(user)).isEqualTo("ada");
      assertThat(cancellable.value(attempt)).isNull();
      // Keys compare by identity, not by name.
      assertThat(shadowed.value(sameName)).isNull();
      // withoutCancel keeps the values.
      assertThat(shadowed.withoutCancel().value(user)).isEqualTo("grace");
    }
    assertThat(Context.background().value(user)).isNull();
    assertThrows(NullPointerException.class, () -> base.withValue(user, null));
  }

  @Test
  void valueContextFollowsItsParentsCancellation() {
    CancellableContext parent = Context.background().withCancel();
    Context valued = parent.withValue(ContextKey.named("k"), "v");
    assertThat(valued.done()).isSameInstanceAs(parent.done());
    parent.cancel();
    assertThat(valued.err()).isSameInstanceAs(parent.err());
  }

  @Test
  void withoutCancelIsNotCancelledWithItsParent() {
    CancellableContext parent = Context.background().withTimeout(Duration.ofHours(1));
    Context detached = parent.withoutCancel();
    try (CancellableContext detachedChild = detached.withCancel()) {
      assertThat(detached.deadline()).isNull();
      parent.cancel();
      assertThat(detached.isDone()).isFalse();
      assertThat(detached.cause()).isNull();
      assertThat(detachedChild.isDone()).isFalse();
      detachedChild.cancel();
      assertThat(detachedChild.isDone()).isTrue();
    }
  }

  @Test
  void causeFollowsGo() {
    CancellableContext plain = Context.background().withCancel();
    assertThat(plain.cause()).isNull();
    plain.cancel(null);
    assertThat(plain.cause()).isInstanceOf(CanceledException.class);
    assertThat(plain.err()).hasCauseThat().isNull();

    Exception why = new Exception("why");
    CancellableContext withCause = Context.background().withCancel();
    withCause.cancel(why);
    assertThat(withCause.err()).isInstanceOf(CanceledException.class);
    assertThat(withCause.cause()).isSameInstanceAs(why);
  }

  @Test
  void errCopyIsAFreshExceptionOfTheSameKindAndCause() {
    CancellableContext ctx = Context.background().withCancel();
    Exception why = new Exception("why");
    ctx.cancel(why);
    ContextDoneException copy = ctx.err().copy();
    assertThat(copy).isNotSameInstanceAs(ctx.err());
    assertThat(copy).isInstanceOf(CanceledException.class);
    assertThat(copy).hasCauseThat().isSameInstanceAs(why);
  }

  @Test
  void deadlineIsInheritedUnlessEarlier() {
    Instant far = Instant.now().plus(Duration.ofHours(2));
    Instant near = Instant.now().plus(Duration.ofHours(1));
    try (CancellableContext outer = Context.background().withDeadline(near);
        CancellableContext later = outer.withDeadline(far);
        CancellableContext sooner = outer.withTimeout(Duration.ofMinutes(1));
        CancellableContext plain = outer.withCancel()) {
      assertThat(outer.deadline()).isEqualTo(near);
      assertThat(later.deadline()).isEqualTo(near);
      assertThat(plain.deadline()).isEqualTo(near);
      assertThat(outer.withValue(ContextKey.named("k"), 1).deadline()).isEqualTo(near);
      assertThat(sooner.deadline()).isLessThan(near);
    }
  }

  @Test
  void toStringShowsTheDerivation() {
    try (CancellableContext ctx = Context.background().withCancel()) {
      assertThat(ctx.withValue(ContextKey.named("user"), "ada").toString())
          .isEqualTo("Context.background().withCancel().withValue(user, ...)");
    }
  }

  @Test
  void nullArgumentsAreRejected() {
    Context bg = Context.background();
    assertThrows(NullPointerException.class, () -> bg.withValue(null, "v"));
    assertThrows(NullPointerException.class, () -> bg.withTimeout(null));
    assertThrows(NullPointerException.class, () -> bg.withDeadline(null));
    assertThrows(NullPointerException.class, () -> bg.afterFunc(null));
    assertThrows(NullPointerException.class, () -> ContextKey.named(null));
  }
}
