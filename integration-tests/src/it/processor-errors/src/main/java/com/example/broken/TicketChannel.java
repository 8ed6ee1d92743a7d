package com.example.broken;

/** A hand-written class that takes the name the processor generates for Ticket. */
public final class TicketChannel {
  private TicketChannel() {}
}
