package org.integrationevidence.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;

/**
 * Sends bytes that no HTTP client library would send (malformed escapes, raw non-ASCII, absurd request lines,
 * ambiguous framing, pipelined requests) to the server under test, and reads what it answers.
 */
final class RawHttp {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})");

    /** What came back on one connection: every response's status, all the bytes as text, and whether it was closed. */
    record Exchange(List<Integer> statuses, String text, boolean closed) {

        int status() {
            return statuses.isEmpty() ? -1 : statuses.get(0);
        }

        /** The value of a header of the first response, case-insensitively, or null. */
        String header(String name) {
            Matcher header = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*?)\\r?$").matcher(text);
            return header.find() ? header.group(1) : null;
        }

        /** The body of the first response, when it has a Content-Length. */
        String body() {
            int start = text.indexOf("\r\n\r\n");
            String length = header("Content-Length");
            if (start < 0 || length == null) {
                return "";
            }
            int from = start + 4;
            return text.substring(from, Math.min(text.length(), from + Integer.parseInt(length.strip())));
        }
    }

    private RawHttp() {
    }

    /** The status code of the server's answer to {@code request}, or -1 if it closed the connection without one. */
    static int statusOf(String request) throws IOException {
        return exchange(request).status();
    }

    /**
     * Sends {@code request} (as UTF-8, so that non-ASCII text goes raw) and reads until the server closes the
     * connection, or says nothing more for {@code quietMillis}.
     */
    static Exchange exchange(String request, int quietMillis) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(quietMillis);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            boolean closed = false;
            try {
                for (int read = in.read(buffer); ; read = in.read(buffer)) {
                    if (read < 0) {
                        closed = true;
                        break;
                    }
                    received.write(buffer, 0, read);
                }
            } catch (SocketTimeoutException quiet) {
                // the server keeps the connection open and has nothing more to say
            } catch (IOException reset) {
                closed = true;
            }
            String text = received.toString(StandardCharsets.ISO_8859_1);
            return new Exchange(statuses(text), text, closed);
        }
    }

    /** The status of each response in {@code text}, one after the other, each framed by its length or its chunks. */
    private static List<Integer> statuses(String text) {
        List<Integer> statuses = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            Matcher status = STATUS_LINE.matcher(text).region(at, text.length());
            int headersEnd = text.indexOf("\r\n\r\n", at);
            if (!status.lookingAt() || headersEnd < 0) {
                break;
            }
            statuses.add(Integer.parseInt(status.group(1)));
            String headers = text.substring(at, headersEnd);
            at = headersEnd + 4;
            Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(headers);
            if (length.find()) {
                at += Integer.parseInt(length.group(1));
            } else if (Pattern.compile("(?im)^transfer-encoding:.*chunked").matcher(headers).find()) {
                while (at < text.length()) {
                    int lineEnd = text.indexOf("\r\n", at);
                    int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].strip(), 16);
                    at = lineEnd + 2 + size + 2;
                    if (size == 0) {
                        break;
                    }
                }
            }
        }
        return statuses;
    }

    /** The same, for a request that closes its connection itself ({@code Connection: close}), or a refused one. */
    static Exchange exchange(String request) throws IOException {
        return exchange(request, 10_000);
    }
}
