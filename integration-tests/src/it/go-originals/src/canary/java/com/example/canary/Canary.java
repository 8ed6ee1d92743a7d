package com.example.canary;

import static dev.conduit.Go.go;

import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.Select;
import dev.conduit.WaitGroup;
import dev.conduit.annotations.ReceiveOnly;
import java.time.Duration;

/**
 * One mistake per rule, compiled by the build's "canary" execution with the same processor path
 * and Error Prone options as the Go originals, but without failing the build: verify.groovy
 * requires every rule's name in its output, so a clean build of the originals cannot come from
 * checks that never ran. (A processor error would stop javac before Error Prone runs, so the
 * processor proves itself instead by the IntChannel it generates for the originals.)
 */
class Canary {
  private final Context stored; // ContextInField

  Canary(Context ctx) {
    this.stored = ctx;
  }

  static void direction(@ReceiveOnly Channel<String> in) {
    in.send("x"); // ChannelDirection
  }

  static void lostCancel(Context ctx) {
    ctx.withCancel(); // LostCancel
  }

  static void contextFirst(String name, Context ctx) {} // ContextFirst

  static void nullContext() {
    fetch(null); // NullContext
  }

  static void propagation(Context ctx) {
    fetch(Context.background()); // ContextPropagation
  }

  static String uncancellable(Context ctx, Channel<String> in) {
    return in.receive(); // UncancellableBlockingCall
  }

  static void addInGoroutine(WaitGroup wg) {
    go(() -> wg.add(1)); // WaitGroupAddInGoroutine
  }

  static String abandoned() {
    Channel<String> ch = Channel.unbuffered(); // AbandonedSender
    go(() -> ch.send("late"));
    return Select.<String>select()
        .onReceive(ch, r -> r)
        .onTimeout(Duration.ofSeconds(1), () -> "timeout")
        .await();
  }

  static void doubleClose() {
    Channel<String> ch = Channel.unbuffered();
    ch.close();
    ch.close(); // DoubleClose
  }

  static void fetch(Context ctx) {}
}
