package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * One Information, Warning or Error notice of a preview or publish request. {@code application}
 * is not in the RAML type but the API's own examples carry it, so it is kept when present.
 *
 * <p>{@code new ConnectorReportEntry(ConnectorReportEntryType.ERROR, "Connector specification file not found", null, now, null)}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "message", "createdAt", "application"})
public record ConnectorReportEntry(
        ConnectorReportEntryType type,
        String title,
        String message,
        Instant createdAt,
        String application) {
}
