package org.integrationevidence.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for tests, on 127.0.0.1 (allow-listed in the test profile): records every request's headers and
 * body and answers what the test says, by default 204. Not a verifier: the tests check signatures themselves, and
 * WebhookDeliveryIT checks them with the specification's own library.
 */
final class RecordingReceiver implements AutoCloseable {

    /** One request received. */
    record Received(String id, String timestamp, String signature, String userAgent, String body, long at) {
    }

    /** How to answer a request: status, headers and body; may sleep first. */
    record Answer(int status, String header, String headerValue, byte[] body, Duration delay) {
        static Answer status(int status) {
            return new Answer(status, null, null, new byte[0], Duration.ZERO);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<java.util.function.Function<Integer, Answer>> answers =
            new AtomicReference<>(n -> Answer.status(204));

    RecordingReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int number;
                synchronized (received) {
                    received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                            exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                            exchange.getRequestHeaders().getFirst("webhook-signature"),
                            exchange.getRequestHeaders().getFirst("user-agent"), body, System.currentTimeMillis()));
                    number = received.size();
                }
                Answer answer = answers.get().apply(number);
                if (!answer.delay().isZero()) {
                    Thread.sleep(answer.delay().toMillis());
                }
                if (answer.header() != null) {
                    exchange.getResponseHeaders().add(answer.header(), answer.headerValue());
                }
                exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
                if (answer.body().length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer.body());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the sender gave up on us: what a slow receiver sees
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** The URL to register, on a path of its own. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    /** How to answer the n-th request (from 1). */
    void answer(java.util.function.Function<Integer, Answer> answer) {
        answers.set(answer);
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits until a received request satisfies the predicate, and returns it; fails after 20 seconds. */
    Received await(Predicate<Received> matching) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            for (Received r : received) {
                if (matching.test(r)) {
                    return r;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No matching delivery within 20 s; received: " + received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
