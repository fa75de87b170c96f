package org.integrationevidence.common;

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
public class AllowedMethods {

    private record Route(Pattern path, Set<String> methods) {
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
            Pattern pattern = template(classPath + "/" + (methodPath == null ? "" : methodPath.value()));
            Route route = found.stream().filter(r -> r.path().pattern().equals(pattern.pattern())).findFirst()
                    .orElseGet(() -> {
                        Route created = new Route(pattern, new TreeSet<>(Set.of(HttpMethod.OPTIONS)));
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

    /** A JAX-RS path template as a regular expression: each {@code {name}} matches one path segment. */
    private static Pattern template(String path) {
        String cleaned = ("/" + path).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        StringBuilder regex = new StringBuilder();
        for (String part : cleaned.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
