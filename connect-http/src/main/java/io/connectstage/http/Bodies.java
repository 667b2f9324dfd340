package io.connectstage.http;

import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Request bodies read whole, up to a limit, as strict UTF-8: what every route with a body shares. */
final class Bodies {
    private final long maxBodyBytes;

    Bodies(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The route, given the body, when the body is JSON (or of no declared type); 415 otherwise. */
    Answer withBody(Request request, Function<String, Answer> route) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type != null) {
            String media = mediaType(type);
            if (!media.equals("application/json") && !media.endsWith("+json")) {
                return Answer.general(415, "The body must be application/json, not " + QueryParameters.shorten(media));
            }
        }
        return body(request).fold(a -> a, route);
    }

    static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    Either<Answer, String> body(Request request) {
        Either<Answer, byte[]> read = bytes(request);
        if (read.isLeft()) {
            return Either.left(read.getLeft());
        }
        byte[] bytes = read.get();
        try {
            return Either.right(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Either.left(Answer.error(ErrorResponse.of(ConnectError.invalidJson("the body is not UTF-8"))));
        }
    }

    /** The body as it came, of any type, up to the limit (413 beyond it). */
    Either<Answer, byte[]> bytes(Request request) {
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            return Either.left(tooLarge());
        }
        byte[] bytes;
        try (InputStream in = Request.asInputStream(request)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        } catch (IOException e) {
            // the client went away or was too slow (idle timeout); the answer may not reach it
            return Either.left(Answer.general(400, "The body could not be read"));
        }
        if (bytes.length > maxBodyBytes) {
            return Either.left(tooLarge());
        }
        return Either.right(bytes);
    }

    /**
     * Reads what is left of the request's body (a refused request's, which the route never
     * read), at most {@code maxBodyBytes} of it, so that the connection can serve the client's
     * next request; {@code false} when more is left or it cannot be read: then the answer says
     * {@code Connection: close}, since a client would otherwise send its next request on a
     * connection the server is about to close (seen as an empty reply by the client).
     */
    boolean drained(Request request) {
        // Most requests' bodies are empty or read by now: one read without blocking says so, and
        // spares every GET the stream and buffer below (half the bytes a GET allocated).
        long left = maxBodyBytes;
        Content.Chunk first = request.read();
        if (first != null) {
            if (Content.Chunk.isFailure(first)) {
                return false;
            }
            left -= first.remaining();
            first.release();
            if (first.isLast() || left < 0) {
                return left >= 0;
            }
        }
        try (InputStream in = Request.asInputStream(request)) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer, 0, (int) Math.min(buffer.length, left + 1))) >= 0; ) {
                left -= n;
                if (left < 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Answer tooLarge() {
        return Answer.general(413, "The body is larger than " + maxBodyBytes + " bytes");
    }
}
