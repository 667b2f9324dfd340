package io.connectstage.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Bytes on a socket, for requests no HTTP client would send. */
final class RawHttp {
    record Response(int status, String headers, String body) {
    }

    private RawHttp() {
    }

    /** Sends the bytes, reads one response (to its Content-Length or the end of the stream); {@code null} if none came. */
    static Response exchange(int port, byte[] request, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before reading everything (413, 431): read what came
            }
            return read(socket.getInputStream());
        }
    }

    static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        try {
            while (state < 4) {
                int b = in.read();
                if (b < 0) {
                    return head.size() == 0 ? null : parse(head.toString(StandardCharsets.ISO_8859_1), "");
                }
                head.write(b);
                state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            }
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = -1;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body;
        if (length >= 0) {
            body = in.readNBytes(length);
        } else {
            body = in.readAllBytes();
        }
        return parse(headers, new String(body, StandardCharsets.UTF_8));
    }

    private static Response parse(String headers, String body) {
        String[] statusLine = headers.split("\r\n", 2)[0].split(" ");
        int status = statusLine.length > 1 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : -1;
        return new Response(status, headers, body);
    }
}
