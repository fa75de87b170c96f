package org.integrationevidence.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * Which HTTP methods each path of the API accepts, read from the JAX-RS annotations of the resources, so that a
 * 405 answer can carry the {@code Allow} header that RFC 9110 requires of it.
 */
@ApplicationScoped
class AllowedMethods {

    private record Route(String template, Pattern path, Set<String> methods) {
    }

    @Inject
    BeanManager beans;

    private volatile List<Route> routes;

    /** The methods allowed on a request path, such as "DELETE, GET, HEAD, OPTIONS, PUT"; empty if no resource matches. */
    public Optional<String> forPath(String path) {
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return routes().stream()
                .filter(route -> route.path().matcher(normalized).matches())
                .findFirst()
                .map(route -> String.join(", ", route.methods()));
    }

    /** Every path template of the API, as JAX-RS declares it, such as {@code /api/v1/case-studies/{slug}}. */
    public Set<String> templates() {
        Set<String> templates = new TreeSet<>();
        routes().forEach(route -> templates.add(route.template()));
        return templates;
    }

    private List<Route> routes() {
        if (routes == null) {
            List<Route> found = new ArrayList<>();
            for (Bean<?> bean : beans.getBeans(Object.class)) {
                Path classPath = bean.getBeanClass().getAnnotation(Path.class);
                if (classPath != null) {
                    addRoutes(bean.getBeanClass(), classPath.value(), found);
                }
            }
            routes = found;
        }
        return routes;
    }

    private static void addRoutes(Class<?> resource, String classPath, List<Route> found) {
        for (Method method : resource.getDeclaredMethods()) {
            String httpMethod = httpMethodOf(method);
            if (httpMethod == null) {
                continue;
            }
            Path methodPath = method.getAnnotation(Path.class);
            String template = clean(classPath + "/" + (methodPath == null ? "" : methodPath.value()));
            Pattern pattern = pattern(template);
            Route route = found.stream().filter(r -> r.path().pattern().equals(pattern.pattern())).findFirst()
                    .orElseGet(() -> {
                        Route created = new Route(template, pattern, new TreeSet<>(Set.of(HttpMethod.OPTIONS)));
                        found.add(created);
                        return created;
                    });
            route.methods().add(httpMethod);
            if (httpMethod.equals(HttpMethod.GET)) {
                route.methods().add(HttpMethod.HEAD);
            }
        }
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return httpMethod.value();
            }
        }
        return null;
    }

    /** A path template with one slash between segments, and none at the end. */
    private static String clean(String path) {
        return ("/" + path).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }

    /** A JAX-RS path template as a regular expression: each {@code {name}} matches one path segment. */
    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
