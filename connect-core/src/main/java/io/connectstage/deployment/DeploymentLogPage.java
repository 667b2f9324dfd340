package io.connectstage.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.connectstage.connector.Lists;
import java.io.IOException;
import java.util.List;

/**
 * A page of log entries ({@code DeploymentLogCursorPagedQueryResponse}): the entries, and the
 * token of the next page, to be passed back as {@code pageToken}. {@code next} is {@code null} on
 * the last page; in the JSON it is then {@code ""}, since the RAML makes {@code next} a required
 * string (and the official CLI reads {@code ""} or {@code null} as the end: without the field it
 * offers one more page forever). An empty {@code next} read from JSON is {@code null} here.
 *
 * <p>{@code page.next() == null} ends a walk through the pages.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"data", "next"})
public record DeploymentLogPage(
        List<DeploymentLog> data,
        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonSerialize(nullsUsing = DeploymentLogPage.EmptyWhenLast.class) String next) {

    public DeploymentLogPage {
        data = Lists.orEmpty(data);
        next = next == null || next.isEmpty() ? null : next;
    }

    /** Writes the {@code next} of the last page as {@code ""}. */
    static final class EmptyWhenLast extends StdSerializer<Object> {
        EmptyWhenLast() {
            super(Object.class);
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString("");
        }
    }
}
