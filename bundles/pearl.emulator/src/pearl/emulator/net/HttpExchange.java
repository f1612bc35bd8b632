package pearl.emulator.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SSLSocketFactory;

/**
 * One request of the firmware's HTTP client, made on a plain host socket as the firmware makes it:
 * HTTP/1.1 with {@code Connection: close} and {@code User-Agent: ESP8266}, the user's header text
 * sent as given, the response read to the end, up to {@value #MAX_REDIRECTS} redirects followed,
 * {@value #TIMEOUT_MS} ms at most.
 */
public final class HttpExchange {

    /** Redirects followed before the request fails. */
    public static final int MAX_REDIRECTS = 20;
    /** The request's time limit. */
    public static final int TIMEOUT_MS = 60_000;
    /** The status of a failed request (DNS, connection, timeout, malformed reply). */
    public static final int ERROR = -1;

    /**
     * What came back.
     *
     * @param status  the HTTP status, or {@link #ERROR}
     * @param body    the body (null on error)
     * @param headers header names lower-cased, in order (null on error)
     */
    public record Result(int status, byte[] body, Map<String, String> headers) {
        static final Result FAILED = new Result(ERROR, null, null);
    }

    private HttpExchange() {
    }

    /** Performs {@code method url} with {@code headers} (raw header lines, may be empty) and {@code body} (may be null). */
    public static Result perform(String url, String method, String headers, byte[] body) {
        try {
            URI uri = URI.create(url);
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                Result r = once(uri, method, headers, body);
                String location = r.headers().get("location");
                if (r.status() / 100 != 3 || location == null) {
                    return r;
                }
                uri = uri.resolve(location);
                if (r.status() == 303 || (r.status() < 307 && !method.equals("HEAD"))) {
                    method = "GET";
                    body = null;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // -1 as the firmware reports DNS, connection and timeout failures
        }
        return Result.FAILED;
    }

    private static Result once(URI uri, String method, String headers, byte[] body) throws IOException {
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        if (!tls && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IOException("not an http url: " + uri);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        try (Socket s = tls ? SSLSocketFactory.getDefault().createSocket() : new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), port), TIMEOUT_MS);
            s.setSoTimeout(TIMEOUT_MS);
            String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            StringBuilder request = new StringBuilder()
                    .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(uri.getPort() > 0 ? ":" + port : "").append("\r\n")
                    .append("Connection: close\r\n")
                    .append("User-Agent: ESP8266\r\n");
            if (body != null) {
                request.append("Content-Length: ").append(body.length).append("\r\n");
            }
            request.append(headers);
            if (!headers.isEmpty() && !headers.endsWith("\r\n")) {
                request.append("\r\n");
            }
            request.append("\r\n");
            s.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                s.getOutputStream().write(body);
            }
            s.getOutputStream().flush();
            return parse(s.getInputStream().readAllBytes());
        }
    }

    private static Result parse(byte[] reply) throws IOException {
        String text = new String(reply, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0 || !text.startsWith("HTTP/")) {
            throw new IOException("malformed reply");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1].trim());
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] rest = java.util.Arrays.copyOfRange(reply, end + 4, reply.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            rest = unchunk(rest);
        } else if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length"));
            rest = java.util.Arrays.copyOf(rest, Math.min(length, rest.length));
        }
        return new Result(status, rest, headers);
    }

    private static byte[] unchunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        while (true) {
            StringBuilder size = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int semicolon = size.indexOf(";");
            String hex = (semicolon < 0 ? size.toString() : size.substring(0, semicolon)).trim();
            int n = hex.isEmpty() ? 0 : Integer.parseInt(hex, 16);
            if (n == 0 || c < 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(n));
            in.skip(2); // the chunk's CRLF
        }
    }
}
