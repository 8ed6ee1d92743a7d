package com.example.shop;

import dev.conduit.annotations.GenerateChannel;

/** An order; the processor generates OrderChannel and, on request, IntChannel beside it. */
@GenerateChannel(primitives = int.class)
public record Order(String id, int quantity) {}
