package dev.conduit.errorprone.util;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.errorprone.matchers.Description;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GuardTest {

  @AfterEach
  void restoreTheTestSetting() {
    System.setProperty(Guard.RETHROW_PROPERTY, "true");
  }

  @Test
  void aFailingMatcherReportsNothingInUsersBuilds() {
    System.clearProperty(Guard.RETHROW_PROPERTY);
    assertThat(
            Guard.run(
                () -> {
                  throw new IllegalStateException("unforeseen tree");
                }))
        .isSameInstanceAs(Description.NO_MATCH);
    assertThat(
            Guard.run(
                () -> {
                  throw new NoSuchMethodError("an API a newer Error Prone removed");
                }))
        .isSameInstanceAs(Description.NO_MATCH);
  }

  @Test
  void aFailingMatcherFailsConduitsOwnTests() {
    System.setProperty(Guard.RETHROW_PROPERTY, "true");
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                Guard.run(
                    () -> {
                      throw new IllegalStateException("unforeseen tree");
                    }));
    assertThat(thrown).hasMessageThat().isEqualTo("unforeseen tree");
  }

  @Test
  void resultsPassThrough() {
    assertThat(Guard.run(() -> Description.NO_MATCH)).isSameInstanceAs(Description.NO_MATCH);
  }
}
