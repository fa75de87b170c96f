package org.integrationevidence.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import org.integrationevidence.config.EvidenceConfig;

/**
 * Sends one delivery: resolves the destination's host and checks every address again ({@link Destinations}), then
 * connects to the checked address (the URL's host still names the server, for TLS and the Host header), POSTs the
 * signed body, follows no redirect, and reads at most {@code max-response-size} of the answer. Connect and total
 * timeouts bound every attempt.
 */
@ApplicationScoped
class DeliverySender {

    static final String USER_AGENT = "IntegrationEvidenceRepository-Webhooks/1";

    /** What came of an attempt: a status code, or no answer and why. */
    record Outcome(Integer status, String error, Optional<Duration> retryAfter, long latencyMs) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        /** The receiver says the subscription is over. */
        boolean gone() {
            return status != null && status == 410;
        }

        /** Worth trying again: no answer, a timeout, 408, 429 or a 5xx. */
        boolean retryable() {
            return status == null || status == 408 || status == 429 || status >= 500;
        }
    }

    @Inject
    Vertx vertx;

    private EvidenceConfig.Webhooks settings;

    @Inject
    void readSettings(EvidenceConfig config) {
        this.settings = config.webhooks();
    }

    private HttpClient client;

    @PostConstruct
    void start() {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setIdleTimeout((int) settings.timeout().toSeconds() + 1)
                .setKeepAlive(true)
                .setMaxPoolSize(Math.max(1, settings.perDestination()))
                .setVerifyHost(true)
                .setForceSni(true)
                .setTryUseCompression(false));
    }

    @PreDestroy
    void stop() {
        if (client != null) {
            client.close();
        }
    }

    Outcome send(URI destination, List<Destinations.Cidr> allowed, String messageId, String body, List<String> secrets) {
        long started = System.nanoTime();
        InetAddress address;
        try {
            address = Destinations.resolve(destination, allowed, Destinations.SYSTEM);
        } catch (IllegalArgumentException e) {
            return new Outcome(null, "The URL " + e.getMessage(), Optional.empty(), elapsed(started));
        }
        boolean https = destination.getScheme().equalsIgnoreCase("https");
        int port = destination.getPort() > 0 ? destination.getPort() : https ? 443 : 80;
        String path = destination.getRawPath() == null || destination.getRawPath().isEmpty() ? "/" : destination.getRawPath();
        if (destination.getRawQuery() != null) {
            path += "?" + destination.getRawQuery();
        }
        long timestamp = Instant.now().getEpochSecond();
        String host = destination.getHost().startsWith("[") ? destination.getHost().substring(1, destination.getHost().length() - 1)
                : destination.getHost();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(host)
                .setPort(port)
                .setSsl(https)
                .setURI(path)
                .setFollowRedirects(false)
                .setConnectTimeout(settings.connectTimeout().toMillis())
                .setIdleTimeout(settings.timeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", USER_AGENT)
                .putHeader("webhook-id", messageId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", Signatures.header(secrets, messageId, timestamp, body));
        long limit = settings.maxResponseSize().asLongValue();
        CompletableFuture<Outcome> answer = new CompletableFuture<>();
        client.request(options).onFailure(e -> answer.complete(failure(e, started))).onSuccess(request -> {
            request.exceptionHandler(e -> answer.complete(failure(e, started)));
            request.send(Buffer.buffer(body)).onFailure(e -> answer.complete(failure(e, started))).onSuccess(response ->
                    readLimited(response, limit, request::reset, started, answer));
        });
        try {
            return answer.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Outcome(null, "No answer within " + settings.timeout().toMillis() + " ms", Optional.empty(), elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "Interrupted while sending", Optional.empty(), elapsed(started));
        } catch (ExecutionException e) {
            return failure(e.getCause(), started);
        }
    }

    /** Reads the answer up to the limit: past it, the connection is reset and the status stands. */
    private static void readLimited(HttpClientResponse response, long limit, Runnable reset, long started,
            CompletableFuture<Outcome> answer) {
        Optional<Duration> retryAfter = Backoff.retryAfter(response.getHeader("retry-after"), Instant.now());
        int status = response.statusCode();
        long[] read = {0};
        response.handler(chunk -> {
            read[0] += chunk.length();
            if (read[0] > limit && !answer.isDone()) {
                answer.complete(new Outcome(status, status >= 200 && status < 300 ? null
                        : describe(status, response.statusMessage()), retryAfter, elapsed(started)));
                reset.run();
            }
        });
        response.exceptionHandler(e -> answer.complete(new Outcome(status, describe(status, response.statusMessage()),
                retryAfter, elapsed(started))));
        response.endHandler(done -> answer.complete(new Outcome(status, status >= 200 && status < 300 ? null
                : describe(status, response.statusMessage()), retryAfter, elapsed(started))));
    }

    private static String describe(int status, String message) {
        return status + (message == null || message.isBlank() ? "" : " " + message);
    }

    private static Outcome failure(Throwable e, long started) {
        String message = e == null ? "unknown error" : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // Only what happened on the network, never a stack trace; kept short for the delivery log.
        if (message.length() > 300) {
            message = message.substring(0, 300);
        }
        return new Outcome(null, message, Optional.empty(), elapsed(started));
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
