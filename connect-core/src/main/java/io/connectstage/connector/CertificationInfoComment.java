package io.connectstage.connector;

import java.time.Instant;

/**
 * A comment made during certification: who (the project key of the commenter), when, and what.
 */
public record CertificationInfoComment(String userId, Instant datetime, String comment) {
}
