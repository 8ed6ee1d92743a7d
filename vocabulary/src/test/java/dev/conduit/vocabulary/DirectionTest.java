package dev.conduit.vocabulary;

import static com.google.common.truth.Truth.assertThat;
import static dev.conduit.vocabulary.Direction.BOTH;
import static dev.conduit.vocabulary.Direction.RECEIVE_ONLY;
import static dev.conduit.vocabulary.Direction.SEND_ONLY;

import org.junit.jupiter.api.Test;

class DirectionTest {

  @Test
  void aBidirectionalChannelNarrowsToEitherDirection() {
    assertThat(BOTH.assignableTo(SEND_ONLY)).isTrue();
    assertThat(BOTH.assignableTo(RECEIVE_ONLY)).isTrue();
    assertThat(BOTH.assignableTo(BOTH)).isTrue();
  }

  @Test
  void aDirectionalChannelNeverWidensNorTurns() {
    assertThat(SEND_ONLY.assignableTo(BOTH)).isFalse();
    assertThat(RECEIVE_ONLY.assignableTo(BOTH)).isFalse();
    assertThat(SEND_ONLY.assignableTo(RECEIVE_ONLY)).isFalse();
    assertThat(RECEIVE_ONLY.assignableTo(SEND_ONLY)).isFalse();
    assertThat(SEND_ONLY.assignableTo(SEND_ONLY)).isTrue();
  }

  @Test
  void aSlotThatIsNotChannelTypedTakesAnyDirection() {
    assertThat(SEND_ONLY.assignableTo(BOTH, false)).isTrue();
    assertThat(RECEIVE_ONLY.assignableTo(BOTH, false)).isTrue();
    assertThat(SEND_ONLY.assignableTo(BOTH, true)).isFalse();
    assertThat(SEND_ONLY.assignableTo(RECEIVE_ONLY, false)).isFalse();
  }

  @Test
  void operationsFollowTheDirection() {
    assertThat(SEND_ONLY.permitsSend()).isTrue();
    assertThat(SEND_ONLY.permitsReceive()).isFalse();
    assertThat(RECEIVE_ONLY.permitsSend()).isFalse();
    assertThat(RECEIVE_ONLY.permitsReceive()).isTrue();
    assertThat(BOTH.permitsSend()).isTrue();
    assertThat(BOTH.permitsReceive()).isTrue();
  }

  @Test
  void namesInMessages() {
    assertThat(SEND_ONLY.adjective()).isEqualTo("send-only");
    assertThat(RECEIVE_ONLY.annotation()).isEqualTo("@ReceiveOnly");
    assertThat(BOTH.annotation()).isEqualTo("unannotated");
    assertThat(SEND_ONLY.declared()).isEqualTo("@SendOnly");
    assertThat(BOTH.declared()).isEqualTo("bidirectional");
  }
}
