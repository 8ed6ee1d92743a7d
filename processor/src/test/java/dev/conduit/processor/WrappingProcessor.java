package dev.conduit.processor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Runs {@link ConduitProcessor} with some of its processing environment's services replaced, to
 * observe what it asks of javac or to make javac fail under it.
 */
final class WrappingProcessor extends AbstractProcessor {
  private final ConduitProcessor delegate = new ConduitProcessor();
  private final Class<?> service;
  private final UnaryOperator<Object> wrapper;

  /** {@code wrapper} gets the environment's {@code service} (Filer, Types...) and replaces it. */
  WrappingProcessor(Class<?> service, UnaryOperator<Object> wrapper) {
    this.service = service;
    this.wrapper = wrapper;
  }

  /**
   * A proxy of {@code type} that sends every call to {@code target} unless {@code hook} answers.
   */
  interface Hook {
    /** Returns {@link #PASS} to let {@code target} answer. */
    Object call(Method method, Object[] args) throws Exception;

    Object PASS = new Object();
  }

  static <T> T intercept(Class<T> type, Object target, Hook hook) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              Object answer = hook.call(method, args);
              if (answer != Hook.PASS) {
                return answer;
              }
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    delegate.init(
        intercept(
            ProcessingEnvironment.class,
            env,
            (method, args) -> {
              if (service.isAssignableFrom(method.getReturnType())
                  && method.getParameterCount() == 0) {
                return wrapper.apply(method.invoke(env));
              }
              return Hook.PASS;
            }));
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return delegate.process(annotations, round);
  }
}
