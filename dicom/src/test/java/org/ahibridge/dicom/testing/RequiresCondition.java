package org.ahibridge.dicom.testing;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Evaluates {@link Requires} per test method, never per class: a class whose prerequisite is missing stays
 * enabled so that JUnit reports each of its tests as skipped with the reason. A disabled class would be
 * reported as one skipped container, and Surefire would count it as "Tests run: 0", as if it had no tests.
 * Because the class runs, its {@code @BeforeAll} and {@code @AfterAll} methods are skipped here instead.
 */
public final class RequiresCondition implements ExecutionCondition, InvocationInterceptor {

    private static final Map<Class<? extends Prerequisite>, Prerequisite> INSTANCES = new ConcurrentHashMap<>();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("prerequisites are checked for each test");
        }
        Set<Class<? extends Prerequisite>> needed = onClasses(context.getRequiredTestClass());
        AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), Requires.class)
                .ifPresent(requires -> needed.addAll(List.of(requires.value())));
        List<String> reasons = new ArrayList<>();
        for (Class<? extends Prerequisite> type : needed) {
            Prerequisite prerequisite = instance(type);
            Optional<String> missing = prerequisite.missing();
            if (missing.isPresent() && prerequisite.mustNotSkip()) {
                throw new IllegalStateException(missing.get() + " (required here: this run must not skip it)");
            }
            missing.ifPresent(reasons::add);
        }
        return reasons.isEmpty() ? ConditionEvaluationResult.enabled("every prerequisite is present")
                : ConditionEvaluationResult.disabled(String.join("; ", reasons));
    }

    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
            ExtensionContext context) throws Throwable {
        if (classPrerequisitesPresent(context.getRequiredTestClass())) {
            invocation.proceed();
        } else {
            invocation.skip();
        }
    }

    @Override
    public void interceptAfterAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
            ExtensionContext context) throws Throwable {
        if (classPrerequisitesPresent(context.getRequiredTestClass())) {
            invocation.proceed();
        } else {
            invocation.skip();
        }
    }

    /** Whether the fixtures of the class can be set up: its tests are evaluated (and reported) one by one. */
    private static boolean classPrerequisitesPresent(Class<?> testClass) {
        return onClasses(testClass).stream().allMatch(type -> instance(type).missing().isEmpty());
    }

    /** What the class, its superclasses and, for a {@code @Nested} class, its enclosing classes require. */
    private static Set<Class<? extends Prerequisite>> onClasses(Class<?> testClass) {
        Set<Class<? extends Prerequisite>> needed = new LinkedHashSet<>();
        for (Class<?> type = testClass; type != null; type = enclosingInstanceClass(type)) {
            AnnotationSupport.findAnnotation(type, Requires.class)
                    .ifPresent(requires -> needed.addAll(List.of(requires.value())));
        }
        return needed;
    }

    private static Class<?> enclosingInstanceClass(Class<?> type) {
        return Modifier.isStatic(type.getModifiers()) ? null : type.getEnclosingClass();
    }

    private static Prerequisite instance(Class<? extends Prerequisite> type) {
        return INSTANCES.computeIfAbsent(type, RequiresCondition::create);
    }

    private static Prerequisite create(Class<? extends Prerequisite> type) {
        try {
            Constructor<? extends Prerequisite> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " needs a no-argument constructor", e);
        }
    }
}
