package dev.conduit.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.conduit.vocabulary.ConduitTypes;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import org.jspecify.annotations.Nullable;

/**
 * Conduit's annotation processor: the declaration checks of {@code @SendOnly}, {@code @ReceiveOnly}
 * and {@code @RequiresContext}, and the typed channels of {@code @GenerateChannel}.
 *
 * <p>It looks at every type being compiled, not only annotated ones, because an override that drops
 * a direction carries no annotation at all. Channels are generated in the round that sees their
 * element type. The checks run once, in the last round, so that types generated meanwhile (by this
 * processor or another) are resolved when a declaration uses them. It claims Conduit's annotations
 * only in rounds without others, so other processors see theirs.
 */
@AutoService(Processor.class)
public final class ConduitProcessor extends AbstractProcessor {
  /** Root types seen so far, by qualified name: elements do not outlive their round. */
  private final Set<String> rootTypes = new LinkedHashSet<>();

  /** The channels this processor generated, so a package's {@code @RequiresContext} skips them. */
  private final Set<String> generatedTypes = new LinkedHashSet<>();

  /** Each primitive channel generated, by qualified name, with the type that asked for it. */
  private final Map<String, String> primitiveOwners = new HashMap<>();

  /**
   * The types whose presence opens the processor's gate: every check and every generated channel
   * starts from one of Conduit's annotations, and the runtime brings them along.
   */
  private static final List<String> GATE =
      List.of(
          ConduitTypes.SEND_ONLY,
          ConduitTypes.RECEIVE_ONLY,
          ConduitTypes.REQUIRES_CONTEXT,
          ConduitTypes.GENERATE_CHANNEL,
          ConduitTypes.CHANNEL,
          ConduitTypes.CONTEXT);

  /** Whether a round has found one of the {@link #GATE} types; until then rounds do nothing. */
  private boolean conduitPresent;

  /** Creates the processor; javac finds it through {@link java.util.ServiceLoader}. */
  public ConduitProcessor() {}

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
      rootTypes.add(type.getQualifiedName().toString());
    }
    if (!isConduitPresent()) {
      // Without Conduit's annotations and runtime no declaration can carry a direction, ask for
      // a context or a channel: a compilation that does not use Conduit pays one lookup a round.
      return claimable(annotations);
    }
    Reporter reporter = new Reporter(processingEnv.getMessager());
    TypeElement generateChannel =
        processingEnv.getElementUtils().getTypeElement(ConduitTypes.GENERATE_CHANNEL);
    // The round's annotation types say whether any root carries @GenerateChannel, which is cheaper
    // than asking for the annotated elements: that walks every element of every root.
    if (generateChannel != null && annotations.contains(generateChannel)) {
      // Only types: javac has already rejected the annotation on anything else, and builds that
      // go on past errors (Error Prone's --should-stop=ifError=FLOW) still hand such elements over.
      for (TypeElement type :
          ElementFilter.typesIn(round.getElementsAnnotatedWith(generateChannel))) {
        guarded(type, reporter, () -> generate(type, reporter));
      }
    }
    if (round.processingOver()) {
      checkDeclarations(reporter);
    }
    return claimable(annotations);
  }

  private boolean isConduitPresent() {
    if (!conduitPresent) {
      Elements elements = processingEnv.getElementUtils();
      conduitPresent = GATE.stream().anyMatch(name -> elements.getTypeElement(name) != null);
    }
    return conduitPresent;
  }

  /**
   * Claims the annotations of a round when they are Conduit's own, the language's and the {@code
   * Generated} that marks generated code (the only annotation in the rounds that compile the
   * generated channels), which no other processor handles, so that {@code -Xlint:processing} does
   * not warn (and {@code -Werror} does not fail) that nobody claimed them. Any other annotation in
   * the round leaves them all unclaimed: claiming is all or nothing, and other processors must
   * still see theirs.
   */
  private static boolean claimable(Set<? extends TypeElement> annotations) {
    if (annotations.isEmpty()) {
      return false;
    }
    for (TypeElement annotation : annotations) {
      String name = annotation.getQualifiedName().toString();
      if (!name.startsWith(ConduitTypes.ANNOTATIONS_PACKAGE + ".")
          && !name.startsWith("java.lang.")
          && !name.equals(ConduitTypes.GENERATED)) {
        return false;
      }
    }
    return true;
  }

  private void generate(TypeElement type, Reporter reporter) {
    ChannelDeclaration declaration =
        new ChannelDeclaration(processingEnv.getElementUtils(), reporter);
    // The round handed this type over for carrying the annotation, which is not @Inherited.
    AnnotationMirror annotation =
        Objects.requireNonNull(
            annotationOn(type, ConduitTypes.GENERATE_CHANNEL), "@GenerateChannel not on its type");
    Optional<ChannelModel> model = declaration.read(type, annotation);
    if (model.isEmpty()) {
      return;
    }
    String name = model.get().qualifiedChannelName();
    write(name, new ChannelWriter(model.get()).write(), type, annotation, reporter);
    for (PrimitiveChannelModel primitive :
        declaration.readPrimitives(type, annotation, primitiveOwners)) {
      write(
          primitive.qualifiedName(),
          new PrimitiveChannelWriter(primitive).write(),
          type,
          annotation,
          reporter);
    }
  }

  private void write(
      String name,
      JavaFile file,
      TypeElement type,
      AnnotationMirror annotation,
      Reporter reporter) {
    generatedTypes.add(name);
    try {
      file.writeTo(processingEnv.getFiler());
    } catch (IOException e) {
      reporter.error(
          ErrorId.WRITE_FAILED,
          "could not write " + name + ": " + e.getMessage(),
          type,
          annotation);
    }
  }

  private void checkDeclarations(Reporter reporter) {
    Elements elements = processingEnv.getElementUtils();
    ChannelTypes channelTypes = new ChannelTypes(processingEnv.getTypeUtils());
    Overrides overrides = new Overrides(elements, processingEnv.getTypeUtils());
    DirectionCheck directions = new DirectionCheck(elements, channelTypes, reporter);
    OverrideDirectionCheck overrideDirections =
        new OverrideDirectionCheck(elements, channelTypes, overrides, reporter);
    RequiresContextCheck requiresContext =
        new RequiresContextCheck(elements, channelTypes, overrides, reporter);
    for (String name : rootTypes) {
      TypeElement type = elements.getTypeElement(name);
      if (type == null) {
        continue;
      }
      guarded(
          type,
          reporter,
          () -> {
            directions.check(type);
            overrideDirections.check(type);
            requiresContext.check(type, isGenerated(type));
          });
    }
  }

  private boolean isGenerated(TypeElement type) {
    return generatedTypes.contains(type.getQualifiedName().toString())
        || annotationOn(type, ConduitTypes.GENERATED) != null
        || annotationOn(type, "javax.annotation.Generated") != null;
  }

  /**
   * Runs one type's work so that a bug in the processor becomes an error on that type, never an
   * exception in javac, and the other types are still processed.
   */
  private static void guarded(Element element, Reporter reporter, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      reporter.error(
          ErrorId.INTERNAL_ERROR,
          "Conduit's processor failed on this type ("
              + e
              + "); please report it with the declaration that caused it",
          element);
    }
  }

  private static @Nullable AnnotationMirror annotationOn(Element element, String name) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (DirectionMarks.nameOf(mirror).equals(name)) {
        return mirror;
      }
    }
    return null;
  }
}
