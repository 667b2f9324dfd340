package io.connectstage.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.connectstage.connector.Lists;
import java.util.List;

/**
 * A page of log entries ({@code DeploymentLogCursorPagedQueryResponse}): the entries, and the
 * token of the next page, to be passed back as {@code pageToken}. {@code next} is {@code null}
 * (left out of the JSON) on the last page.
 *
 * <p>{@code page.next() == null} ends a walk through the pages.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"data", "next"})
public record DeploymentLogPage(List<DeploymentLog> data, String next) {

    public DeploymentLogPage {
        data = Lists.orEmpty(data);
    }
}
