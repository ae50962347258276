package org.ahibridge.dicom.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The prerequisites a test class or test method needs. Where one is missing, every test it covers is reported
 * skipped with the reason, so the counts of Surefire and Failsafe show it, and the class's {@code @BeforeAll}
 * and {@code @AfterAll} methods are left out (they would only fail on what is missing). See
 * {@link RequiresCondition}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@ExtendWith(RequiresCondition.class)
public @interface Requires {

    Class<? extends Prerequisite>[] value();
}
