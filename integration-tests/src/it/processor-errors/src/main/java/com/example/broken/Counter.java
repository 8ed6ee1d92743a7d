package com.example.broken;

import dev.conduit.annotations.GenerateChannel;

/** Asks for a float channel, which Conduit does not generate. */
@GenerateChannel(primitives = {int.class, float.class})
public record Counter(int count) {}
