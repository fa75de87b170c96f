package org.integrationevidence.web;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.integrationevidence.http.QueryParameters;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;
import org.integrationevidence.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a query parameter the matched operation does not take, with a 400 that names it and lists the ones it
 * does: a typo ({@code ?contry=GB}) or a filter the API does not have would otherwise be ignored, and the answer look
 * like that of an unfiltered request. The parameters an operation takes are those its resource method declares with
 * {@code @QueryParam}, on its parameters or in its {@code @BeanParam} classes (with their superclasses and nested bean
 * parameters), so the rule and the OpenAPI document cannot disagree. {@link #ALWAYS_ALLOWED} lists the few that
 * clients add to any URL; an operation marked {@link TakesAnyQueryParameter} answers unknown ones itself.
 * <p>
 * Runs after routing (it needs the operation), so the pre-matching filters come first: a key in the URL is refused
 * as such, even under a parameter name no operation takes.
 */
public class UnknownQueryParameters {

    /** Added to URLs by clients rather than people: {@code _}, the cache-buster of jQuery's {@code cache: false}. */
    public static final Set<String> ALWAYS_ALLOWED = Set.of("_");

    /**
     * The query parameters of each resource method, with {@link #ALWAYS_ALLOWED}; null for a method marked
     * {@link TakesAnyQueryParameter}. Its owner is this class; it never needs invalidating, since a method's
     * declaration does not change while the application runs, and it holds one entry per resource method.
     */
    private static final Map<Method, Accepted> ACCEPTED = new ConcurrentHashMap<>();

    private record Accepted(Set<String> names) {
    }

    @ServerRequestFilter
    public void refuseUnknownParameters(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || request.getUriInfo().getRequestUri().getRawQuery() == null) {
            return;
        }
        Set<String> accepted = ACCEPTED.computeIfAbsent(method, m -> new Accepted(acceptedBy(m, resource.getResourceClass())))
                .names();
        if (accepted == null) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        for (String name : new TreeSet<>(request.getUriInfo().getQueryParameters().keySet())) {
            if (!accepted.contains(name)) {
                errors.add(new FieldError(QueryParameters.abbreviate(name), "is not a parameter of this operation"));
            }
        }
        if (!errors.isEmpty()) {
            Set<String> listed = new TreeSet<>(accepted);
            listed.removeAll(ALWAYS_ALLOWED);
            String names = errors.stream().map(FieldError::field).map(name -> "\"" + name + "\"")
                    .reduce((a, b) -> a + ", " + b).orElseThrow();
            throw new ApiException(ProblemType.UNKNOWN_PARAMETER, (errors.size() == 1 ? "The query parameter " + names
                    + " is" : "The query parameters " + names + " are") + " not taken by this operation, so nothing was "
                    + "answered. " + (listed.isEmpty() ? "It takes no query parameters."
                            : "It takes: " + String.join(", ", listed) + "."), errors);
        }
    }

    /** The parameters {@code method} declares, with those always allowed; null when it takes any. */
    static Set<String> acceptedBy(Method method, Class<?> resourceClass) {
        if (method.isAnnotationPresent(TakesAnyQueryParameter.class)
                || (resourceClass != null && resourceClass.isAnnotationPresent(TakesAnyQueryParameter.class))
                || method.getDeclaringClass().isAnnotationPresent(TakesAnyQueryParameter.class)) {
            return null;
        }
        Set<String> names = new TreeSet<>(ALWAYS_ALLOWED);
        for (Parameter parameter : method.getParameters()) {
            collect(parameter, parameter.getType(), names);
        }
        return Set.copyOf(names);
    }

    private static void collect(AnnotatedElement element, Class<?> type, Set<String> names) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        if (query != null) {
            names.add(query.value());
        } else if (element.isAnnotationPresent(BeanParam.class)) {
            for (Class<?> bean = type; bean != null && bean != Object.class; bean = bean.getSuperclass()) {
                for (Field field : bean.getDeclaredFields()) {
                    collect(field, field.getType(), names);
                }
                for (Method setter : bean.getDeclaredMethods()) {
                    QueryParam onSetter = setter.getAnnotation(QueryParam.class);
                    if (onSetter != null) {
                        names.add(onSetter.value());
                    }
                }
            }
        }
    }
}
