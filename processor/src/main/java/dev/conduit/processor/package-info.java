/**
 * Conduit's annotation processor: checks declarations that use Conduit's annotations and generates
 * typed channel wrappers, with nothing but {@code javac}.
 *
 * <p>It follows three steps. A <em>declaration</em> step reads the user's code, reports every
 * mistake on the most specific element, annotation or annotation value with a stable id in brackets
 * ({@code [ConduitXxx]}, listed in {@link ErrorId}), and turns valid input into a <em>model</em>
 * ({@link ChannelModel}), from which a <em>writer</em> ({@link ChannelWriter}) produces source code
 * and never reports anything. An unexpected exception while one type is processed becomes an error
 * on that type; processing goes on with the next one.
 *
 * <p>What it cannot see: annotations on local variables and everything else inside method bodies,
 * which javac does not show to annotation processors. Those are the job of Conduit's Error Prone
 * checks ({@code ChannelDirection} and the others).
 *
 * <p>Users put {@code conduit-processor} on the annotation processor path; its one dependency,
 * Palantir JavaPoet, comes with it as an ordinary transitive dependency (Maven's {@code
 * annotationProcessorPaths} and Gradle's {@code annotationProcessor} configuration both resolve
 * it), so nothing is shaded. The processor is declared isolating for Gradle's incremental
 * compilation: each generated file comes from exactly one annotated type.
 */
package dev.conduit.processor;
