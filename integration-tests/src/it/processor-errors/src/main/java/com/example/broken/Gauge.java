package com.example.broken;

import dev.conduit.annotations.GenerateChannel;

/** Asks again for the IntChannel that Counter already generates in this package. */
@GenerateChannel(primitives = int.class)
public record Gauge(int level) {}
