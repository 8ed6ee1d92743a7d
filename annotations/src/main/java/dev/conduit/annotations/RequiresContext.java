package dev.conduit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every method this annotation covers takes a {@code dev.conduit.Context} as its first parameter,
 * the convention Go code follows for anything that may block or be cancelled:
 *
 * <pre>{@code
 * func (c *Client) Fetch(ctx context.Context, url string) ([]byte, error)
 * }</pre>
 *
 * <p>With Conduit:
 *
 * <pre>{@code
 * @RequiresContext
 * interface Client {
 *   byte[] fetch(Context ctx, String url);
 * }
 * }</pre>
 *
 * <p>On a method it covers that method; on a type, every method the type declares (constructors and
 * overrides of {@code Object}'s methods aside); on a package ({@code package-info.java}), every
 * type in the package. Conduit's annotation processor reports each covered method whose first
 * parameter is not a {@code Context}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.PACKAGE})
public @interface RequiresContext {}
