package org.integrationevidence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Who the REST Assured requests of a test are sent as, set before each test (and its {@code @BeforeEach} methods)
 * and undone after it, so that no test leaves a key behind for the next class. On a test class (inherited by its
 * {@code *IT}) it applies to every test; on a test method it overrides the class's. For an {@code *IT} this extension
 * runs before Quarkus's own (it is inherited from the {@code *Test}), before the packaged service has started: the
 * role's headers are added as each request is sent (see {@link TestKeys#actAsEditor()}).
 * A test may still switch inside its body with {@link TestKeys#actAsEditor()} and {@link TestKeys#actAnonymously()};
 * the role is reset after it all the same. Tests whose subject is keys or preconditions (AccessTest, WorkflowTest,
 * ConcurrencyTest) send their keys request by request instead.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Inherited
@ExtendWith(ActingAs.Extension.class)
public @interface ActingAs {

    Role value();

    enum Role {
        /** No key and no precondition: what the public sends. */
        ANONYMOUS,
        /** The shared editor key, with {@code If-Match: *} (write whatever version is there). */
        EDITOR
    }

    /** Sets the role of {@link ActingAs} before each test and clears it after. */
    final class Extension implements BeforeEachCallback, AfterEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            Role role = find(context.getTestMethod()).or(() -> find(context.getTestClass()))
                    .map(ActingAs::value).orElse(Role.ANONYMOUS);
            switch (role) {
                case EDITOR -> TestKeys.actAsEditor();
                case ANONYMOUS -> TestKeys.actAnonymously();
            }
        }

        @Override
        public void afterEach(ExtensionContext context) {
            TestKeys.actAnonymously();
        }

        private static Optional<ActingAs> find(Optional<? extends AnnotatedElement> element) {
            return element.flatMap(annotated -> AnnotationSupport.findAnnotation(annotated, ActingAs.class));
        }
    }
}
