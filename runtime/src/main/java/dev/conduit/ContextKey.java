package dev.conduit;

import java.util.Objects;

/**
 * A typed key for {@link Context#withValue(ContextKey, Object)} and {@link
 * Context#value(ContextKey)}. Keys compare by identity: two keys with the same name are different
 * keys, so a library's values can never collide with another's. That is what Go achieves with an
 * unexported key type.
 *
 * <pre>{@code
 * static final ContextKey<String> REQUEST_ID = ContextKey.named("requestId");
 *
 * Context ctx = parent.withValue(REQUEST_ID, "r-42");
 * String id = ctx.value(REQUEST_ID); // "r-42", or null if no ancestor set it
 * }</pre>
 *
 * <p>Don't create keys on the fly ({@code ctx.value(ContextKey.named("requestId"))} finds nothing):
 * keep each key in a {@code static final} field, private to the code that owns the value, and
 * expose typed accessors if others need it.
 *
 * @param <T> the type of the values stored under this key
 */
public final class ContextKey<T> {
  private final String name;

  private ContextKey(String name) {
    this.name = name;
  }

  /** A new key, distinct from every other; {@code name} is only for {@link #toString()}. */
  public static <T> ContextKey<T> named(String name) {
    return new ContextKey<>(Objects.requireNonNull(name, "name"));
  }

  /** The name given at creation. */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return "ContextKey(" + name + ")";
  }
}
