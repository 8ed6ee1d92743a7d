package dev.conduit.processor;

import java.util.Optional;
import javax.lang.model.type.TypeKind;

/**
 * The primitive element types that get non-boxing channels: those the JDK itself specialises
 * ({@code IntStream}, {@code OptionalInt}, {@code PrimitiveIterator.OfInt} and their long and
 * double siblings), so each channel has matching types for its optional and iterator.
 */
enum PrimitiveKind {
  INT("int", "Int", "(long) $L", "(int) $L"),
  LONG("long", "Long", "$L", "$L"),
  DOUBLE("double", "Double", "Double.doubleToRawLongBits($L)", "Double.longBitsToDouble($L)");

  /** The Java keyword: {@code int}. */
  final String keyword;

  /** The JDK's capitalised name: {@code Int}, as in {@code OptionalInt}. */
  final String title;

  /** Turns a value (the {@code $L}) into the raw channel's bits. */
  final String toBits;

  /** Turns the raw channel's bits (the {@code $L}) back into a value. */
  final String fromBits;

  PrimitiveKind(String keyword, String title, String toBits, String fromBits) {
    this.keyword = keyword;
    this.title = title;
    this.toBits = toBits;
    this.fromBits = fromBits;
  }

  /** The generated channel's simple name: {@code IntChannel}. */
  String channelName() {
    return title + "Channel";
  }

  static Optional<PrimitiveKind> of(TypeKind kind) {
    return switch (kind) {
      case INT -> Optional.of(INT);
      case LONG -> Optional.of(LONG);
      case DOUBLE -> Optional.of(DOUBLE);
      default -> Optional.empty();
    };
  }
}
