package io.connectstage.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;

/** {@code application/x-www-form-urlencoded} text, as query strings and auth request bodies are: names to their values. */
final class FormEncoding {
    private FormEncoding() {
    }

    /** The query parameters of a request; {@code IllegalArgumentException} on a bad percent escape. */
    static Map<String, List<String>> query(Request request) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String query = request.getHttpURI().getQuery();
        if (query != null && !query.isEmpty()) {
            decode(query, params);
        }
        return params;
    }

    /** Adds the pairs of {@code text} to {@code into}; {@code IllegalArgumentException} on a bad percent escape. */
    static void decode(String text, Map<String, List<String>> into) {
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }

    /** The first value of a parameter, {@code null} when it is absent. */
    static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
