package io.connectstage.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.connectstage.connector.ConnectorReport;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.Lists;
import java.util.List;
import java.util.Objects;

/**
 * One build of a Deployment (a create or a redeploy starts one): its id, and the report whose
 * entries each step adds (Information, Warning or Error, with the application it concerns). The
 * report entry type of the RAML ({@code DeploymentReportEntry}) has the same fields as the
 * connector's, so {@link ConnectorReportEntry} is reused.
 *
 * <pre>{@code
 * DeploymentDetailsBuild b = DeploymentDetailsBuild.of(buildId).withEntry(entry);
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "report"})
public record DeploymentDetailsBuild(String id, ConnectorReport report) {

    public DeploymentDetailsBuild {
        Objects.requireNonNull(id, "id is null");
    }

    /** A build with no report yet. */
    public static DeploymentDetailsBuild of(String id) {
        return new DeploymentDetailsBuild(id, null);
    }

    /** This build with one more report entry. */
    public DeploymentDetailsBuild withEntry(ConnectorReportEntry entry) {
        List<ConnectorReportEntry> entries = report == null ? List.of() : report.entries();
        return new DeploymentDetailsBuild(id, new ConnectorReport(Lists.append(entries, entry)));
    }

    /** This build with more report entries. */
    public DeploymentDetailsBuild withEntries(List<ConnectorReportEntry> more) {
        DeploymentDetailsBuild build = this;
        for (ConnectorReportEntry entry : more) {
            build = build.withEntry(entry);
        }
        return build;
    }
}
