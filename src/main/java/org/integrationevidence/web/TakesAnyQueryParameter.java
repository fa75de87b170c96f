package org.integrationevidence.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource class or method that answers query parameters it does not take in its own way, so that
 * {@link UnknownQueryParameters} leaves them to it: a protocol with errors of its own (OAI-PMH's {@code badArgument})
 * rather than a problem document.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface TakesAnyQueryParameter {
}
