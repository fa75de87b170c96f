package org.integrationevidence.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.ws.rs.HttpMethod;

import org.integrationevidence.problem.Problem;

/**
 * The routes the service answers, read from what it is built of: every JAX-RS resource method (class and method
 * {@code @Path} with an HTTP method annotation), every Vert.x {@code @Route} method, every static file under
 * META-INF/resources, and every path given to the Vert.x router in code. Each as "METHOD /path/{template}".
 */
final class ServedRoutes {

    private static final String PACKAGE = "org.integrationevidence";
    private static final String VERTX_ROUTE = "io.quarkus.vertx.web.Route";
    /** {@code {name}} or {@code {name: regex}} in a JAX-RS path; the document names only the parameter. */
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(:[^}]*)?}");
    /**
     * A path handed to the router in code, such as {@code router.get("/x")}, {@code router.route(PATH)} or
     * {@code router.route(HttpMethod.GET, "/x")}: any argument, a literal or a constant. {@code router.route()} with
     * none is a handler for every path, which adds no route.
     */
    private static final Pattern ROUTER_PATH = Pattern.compile(
            "\\brouter\\s*\\.\\s*(route|get|post|put|delete|patch|head|options)(WithRegex)?\\s*\\(\\s*"
                    + "(HttpMethod\\.(\\w+)\\s*,\\s*)?(\"([^\"]*)\"|([A-Za-z_][\\w.]*))\\s*\\)");
    /** {@code .method(HttpMethod.GET)} in the chain that follows {@code router.route(path)}, before its handler. */
    private static final Pattern CHAINED_METHOD = Pattern.compile("\\.\\s*method\\s*\\(\\s*HttpMethod\\.(\\w+)\\s*\\)");
    /** HTTP defines these on every resource; the route test leaves them out (see ContractTest.UNDOCUMENTED_ROUTES). */
    private static final Set<String> EVERY_RESOURCE = Set.of("HEAD", "OPTIONS");

    private final Set<String> routes = new TreeSet<>();
    private final List<String> unreadable = new ArrayList<>();

    private ServedRoutes() {
    }

    static ServedRoutes scan() {
        ServedRoutes served = new ServedRoutes();
        Path classes = classesDirectory();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(file -> file.toString().endsWith(".class")).forEach(file -> served.readClass(classes, file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path staticFiles = classes.resolve("META-INF/resources");
        if (Files.isDirectory(staticFiles)) {
            try (Stream<Path> files = Files.walk(staticFiles)) {
                files.filter(Files::isRegularFile).forEach(file -> served.routes.add(
                        "GET /" + staticFiles.relativize(file).toString().replace('\\', '/')));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        served.readRouterCode(Path.of("src/main/java"));
        return served;
    }

    Set<String> routes() {
        return routes;
    }

    /** What this scan cannot map to a route by itself (sub-resource locators, paths given to the router in code). */
    List<String> unreadable() {
        return unreadable;
    }

    private void readClass(Path root, Path file) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
        if (!name.startsWith(PACKAGE)) {
            return;
        }
        Class<?> type;
        try {
            type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            unreadable.add(name + " could not be loaded: " + e);
            return;
        }
        jakarta.ws.rs.Path classPath = type.getAnnotation(jakarta.ws.rs.Path.class);
        for (Method method : type.getDeclaredMethods()) {
            String httpMethod = httpMethod(method);
            jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
            if (classPath != null && httpMethod != null) {
                routes.add(httpMethod + " " + join(classPath.value(), methodPath == null ? "" : methodPath.value()));
            } else if (classPath != null && methodPath != null) {
                unreadable.add(type.getName() + "." + method.getName() + " is a sub-resource locator: list its routes here");
            }
            for (Annotation annotation : method.getAnnotations()) {
                if (annotation.annotationType().getName().equals(VERTX_ROUTE)) {
                    readVertxRoute(type, method, annotation);
                }
            }
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return httpMethod.value().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    private void readVertxRoute(Class<?> type, Method method, Annotation route) {
        try {
            String path = (String) route.annotationType().getMethod("path").invoke(route);
            Object[] methods = (Object[]) route.annotationType().getMethod("methods").invoke(route);
            if (path.isEmpty() || methods.length == 0) {
                unreadable.add(type.getName() + "." + method.getName() + " is a @Route without a path or methods");
                return;
            }
            for (Object httpMethod : methods) {
                routes.add(httpMethod.toString().toUpperCase(Locale.ROOT) + " " + join(path, ""));
            }
        } catch (ReflectiveOperationException e) {
            unreadable.add(type.getName() + "." + method.getName() + ": " + e);
        }
    }

    /**
     * The router's own handlers (security headers, caching, limits) apply to every path and add none. A handler given
     * a path is a route: read when its path is a literal or a constant of the same file and its methods are named
     * (by {@code router.get(...)} and the like, or by {@code .method(HttpMethod.X)} calls before its handler), and
     * reported as unreadable otherwise.
     */
    private void readRouterCode(Path sources) {
        if (!Files.isDirectory(sources)) {
            return; // the sources are not there to read (a copy of the jar alone): the class scan stands
        }
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                try {
                    readRouterCalls(file, Files.readString(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readRouterCalls(Path file, String code) {
        Matcher call = ROUTER_PATH.matcher(code);
        while (call.find()) {
            String path = call.group(6) != null ? call.group(6) : constant(code, call.group(7));
            if (path == null || call.group(2) != null) {
                unreadable.add(file + " gives the Vert.x router a path it cannot read (" + call.group() + "): make it a "
                        + "literal or a constant of that file");
                continue;
            }
            Set<String> methods = new TreeSet<>();
            if (!call.group(1).equals("route")) {
                methods.add(call.group(1).toUpperCase(Locale.ROOT));
            } else if (call.group(4) != null) {
                methods.add(call.group(4).toUpperCase(Locale.ROOT));
            } else {
                int handler = code.indexOf("handler", call.end());
                Matcher chained = CHAINED_METHOD.matcher(code.substring(call.end(), handler < 0 ? call.end() : handler));
                while (chained.find()) {
                    methods.add(chained.group(1).toUpperCase(Locale.ROOT));
                }
            }
            if (methods.isEmpty()) {
                unreadable.add(file + " routes every method to " + path + ": name them with .method(HttpMethod.X)");
            }
            methods.stream().filter(method -> !EVERY_RESOURCE.contains(method))
                    .forEach(method -> routes.add(method + " " + join(path, "")));
        }
    }

    /** The value of {@code static final String NAME = "...";} in the same file, or null. */
    private static String constant(String code, String name) {
        Matcher declaration = Pattern.compile("\\bString\\s+" + Pattern.quote(name) + "\\s*=\\s*\"([^\"]*)\"\\s*;").matcher(code);
        return declaration.find() ? declaration.group(1) : null;
    }

    static String join(String classPath, String methodPath) {
        String path = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return TEMPLATE.matcher(path).replaceAll("{$1}");
    }

    private static Path classesDirectory() {
        try {
            Path location = Path.of(Problem.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return location;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the build directory
        }
        return Path.of(System.getProperty("evidence-test.build-directory", "target"), "classes");
    }
}
