package com.example.fixme;

import dev.conduit.Context;

/** NullContext and ContextPropagation: a null context and a new root where one is in scope. */
final class Client {
  private Client() {}

  static String query(Context ctx, String id) {
    return ctx.isDone() ? "" : id;
  }

  static String withoutContext(String id) {
    return query(null, id);
  }

  static String handle(Context ctx, String id) {
    return query(Context.background(), id);
  }
}
