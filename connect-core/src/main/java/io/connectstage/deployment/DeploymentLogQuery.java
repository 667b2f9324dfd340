package io.connectstage.deployment;

/**
 * The query parameters of {@code GET …/deployments/{id}/logs}, as the client sent them (text, so
 * that a bad date or token is reported rather than refused before the core sees it):
 * {@code pageToken}, {@code applicationName}, {@code startDate}, {@code endDate} (date-times such
 * as {@code 2023-03-15T11:05:01.912Z}) and {@code limit}; each {@code null} when absent.
 *
 * <pre>{@code
 * DeploymentLogQuery q = DeploymentLogQuery.builder().applicationName("service").limit(50).build();
 * DeploymentLogQuery next = q.withPageToken(page.next());
 * }</pre>
 */
public record DeploymentLogQuery(String pageToken, String applicationName, String startDate, String endDate, Integer limit) {

    /** No filter, the first page, the default limit. */
    public static DeploymentLogQuery firstPage() {
        return new DeploymentLogQuery(null, null, null, null, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This query at the page of this token. */
    public DeploymentLogQuery withPageToken(String token) {
        return new DeploymentLogQuery(token, applicationName, startDate, endDate, limit);
    }

    /** Named setters for a {@link DeploymentLogQuery}. */
    public static final class Builder {
        private String pageToken;
        private String applicationName;
        private String startDate;
        private String endDate;
        private Integer limit;

        private Builder() {
        }

        public Builder pageToken(String value) {
            pageToken = value;
            return this;
        }

        public Builder applicationName(String value) {
            applicationName = value;
            return this;
        }

        public Builder startDate(String value) {
            startDate = value;
            return this;
        }

        public Builder startDate(java.time.Instant value) {
            startDate = value == null ? null : value.toString();
            return this;
        }

        public Builder endDate(String value) {
            endDate = value;
            return this;
        }

        public Builder endDate(java.time.Instant value) {
            endDate = value == null ? null : value.toString();
            return this;
        }

        public Builder limit(Integer value) {
            limit = value;
            return this;
        }

        public DeploymentLogQuery build() {
            return new DeploymentLogQuery(pageToken, applicationName, startDate, endDate, limit);
        }
    }
}
