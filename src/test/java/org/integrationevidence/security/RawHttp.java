package org.integrationevidence.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.restassured.RestAssured;

/**
 * Sends bytes that no HTTP client library would send (malformed escapes, raw non-ASCII, absurd request lines) to
 * the server under test, and reads the status of its answer.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** The status code of the server's answer to {@code request}, or -1 if it closed the connection without one. */
    static int statusOf(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                statusLine.append((char) b);
            }
            String[] parts = statusLine.toString().split(" ");
            return parts.length >= 2 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : -1;
        }
    }
}
