package ticks;

import dev.conduit.annotations.GenerateChannel;

@GenerateChannel(primitives = {int.class, long.class, double.class})
public record Tick(long at) {}
