package com.example.broken;

import dev.conduit.annotations.GenerateChannel;

/** A generic type cannot get a generated channel: which element type would it carry? */
@GenerateChannel
public record Box<T>(T value) {}
