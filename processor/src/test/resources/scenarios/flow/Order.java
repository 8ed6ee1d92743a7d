package flow;

import dev.conduit.annotations.GenerateChannel;

@GenerateChannel
public record Order(String id, int quantity) {}
