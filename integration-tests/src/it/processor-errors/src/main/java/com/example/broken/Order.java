package com.example.broken;

import dev.conduit.annotations.GenerateChannel;

/** Gets a generated OrderChannel with its send and receive ends. */
@GenerateChannel
public record Order(String id) {}
