package dev.conduit.vocabulary;

import static com.google.common.truth.Truth.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The names are matched as strings by both tools: each must name a class that really exists. */
class ConduitTypesTest {

  @Test
  void everyQualifiedNameNamesARealClass() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Field field : ConduitTypes.class.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
        continue;
      }
      String name = (String) field.get(null);
      if (!name.contains(".") || name.endsWith("PACKAGE") || field.getName().endsWith("PACKAGE")) {
        continue;
      }
      Class<?> found = Class.forName(name, false, getClass().getClassLoader());
      assertThat(found.getName()).isEqualTo(name);
      checked.add(name);
    }
    assertThat(checked).contains(ConduitTypes.CHANNEL);
    assertThat(checked).contains(ConduitTypes.SEND_ONLY);
    assertThat(checked.size()).isAtLeast(15);
  }

  @Test
  void thePackagesAreThoseOfTheRuntimeAndTheAnnotations() {
    assertThat(dev.conduit.Channel.class.getPackageName()).isEqualTo(ConduitTypes.RUNTIME_PACKAGE);
    assertThat(dev.conduit.annotations.SendOnly.class.getPackageName())
        .isEqualTo(ConduitTypes.ANNOTATIONS_PACKAGE);
  }
}
