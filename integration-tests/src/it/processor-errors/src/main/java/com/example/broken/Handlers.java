package com.example.broken;

import dev.conduit.annotations.RequiresContext;

/** Every handler must take the request's context first; this one forgot it. */
@RequiresContext
public interface Handlers {
  String handle(String request);
}
