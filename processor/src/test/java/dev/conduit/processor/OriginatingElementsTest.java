package dev.conduit.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.conduit.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * Gradle's isolating mode needs each generated file to name the one type it comes from; this
 * records what the processor tells the Filer.
 */
class OriginatingElementsTest {

  @Test
  void eachChannelNamesItsAnnotatedTypeAsItsOnlyOrigin() {
    List<String> created = new ArrayList<>();
    WrappingProcessor processor =
        new WrappingProcessor(
            Filer.class,
            filer ->
                WrappingProcessor.intercept(
                    Filer.class,
                    filer,
                    (method, args) -> {
                      if (method.getName().equals("createSourceFile")) {
                        created.add(args[0] + " <- " + names((Element[]) args[1]));
                      }
                      return WrappingProcessor.Hook.PASS;
                    }));
    Compilation compilation =
        javac()
            .withProcessors(processor)
            .compile(
                source(
                    "test.Order",
                    "package test;",
                    "@dev.conduit.annotations.GenerateChannel",
                    "record Order(String id) {}"),
                source(
                    "test.Shop",
                    "package test;",
                    "class Shop {",
                    "  @dev.conduit.annotations.GenerateChannel",
                    "  record Item(String id) {}",
                    "}"));
    assertThat(compilation).succeeded();
    assertThat(created)
        .containsExactly(
            "test.OrderChannel <- [test.Order]", "test.ShopItemChannel <- [test.Shop.Item]");
  }

  private static List<String> names(Element[] elements) {
    return Arrays.stream(elements)
        .map(e -> ((TypeElement) e).getQualifiedName().toString())
        .toList();
  }
}
