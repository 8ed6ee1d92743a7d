package com.example.gooriginals;

import dev.conduit.annotations.GenerateChannel;

/**
 * What the daisy chain's gophers pass along. Asking for {@code int} channels here makes the
 * processor generate {@link IntChannel} in this package: Go's {@code chan int} without boxing.
 */
@GenerateChannel(primitives = int.class)
public record Whisper(int value) {}
