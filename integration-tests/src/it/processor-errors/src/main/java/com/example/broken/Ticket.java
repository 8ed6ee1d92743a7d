package com.example.broken;

import dev.conduit.annotations.GenerateChannel;

/** Its generated TicketChannel would replace the hand-written class of that name. */
@GenerateChannel
public record Ticket(String id) {}
