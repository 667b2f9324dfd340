package io.connectstage.deployment;

import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * A page of a Deployment's logs, by cursor: pure, O(log n + page) over {@link DeploymentLogs}.
 *
 * <p>Entries come oldest first. {@code startDate} and {@code endDate} bound the timestamps (both
 * inclusive); {@code startDate} may be at most {@value #MAX_DAYS_BACK} days before {@code now}.
 * {@code applicationName} keeps one application's entries; a Deployment in an AWS region needs
 * it. {@code limit} is 1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when absent.
 *
 * <p>The {@code next} token is opaque: URL-safe base64 of the position after the last entry
 * returned (its timestamp, and how many entries of that instant were returned) and a check value
 * over the position, the Deployment and the filters. A token that was altered, or that belongs
 * to another Deployment or to other filters, answers {@code DeploymentLogInvalidPageToken}; a
 * token keeps working while entries are added, and while the store drops the oldest past its
 * bound (it goes on after its position; when entries of its own instant were dropped, as many of
 * that instant's kept entries are skipped as it had read). The check value is a SHA-256 digest, not a
 * signature: it shows tampering and mix-ups, it does not resist a forger who reads this source.
 *
 * <pre>{@code
 * Either<Seq<ConnectError>, DeploymentLogPage> page =
 *     DeploymentLogPaging.page(deployment, logs, DeploymentLogQuery.builder().applicationName("service").build(), now);
 * }</pre>
 */
public final class DeploymentLogPaging {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 500;
    public static final int MAX_DAYS_BACK = 30;
    private static final int MAX_TOKEN_LENGTH = 256;
    private static final String VERSION = "v1";

    private DeploymentLogPaging() {
    }

    /** The page of {@code logs} (those of {@code deployment}) that {@code query} asks for, or every error of the query. */
    public static Either<Seq<ConnectError>, DeploymentLogPage> page(
            Deployment deployment, DeploymentLogs logs, DeploymentLogQuery query, Instant now) {
        return page(deployment, logs::read, query, now);
    }

    /**
     * The same page, with the entries read by {@code reader} (a store reads them from its
     * indexes: one read of at most {@code limit + 1} entries per page).
     */
    public static Either<Seq<ConnectError>, DeploymentLogPage> page(Deployment deployment,
            Function<DeploymentLogRange, List<DeploymentLog>> reader, DeploymentLogQuery query, Instant now) {
        List<ConnectError> errors = new ArrayList<>();
        int limit = DEFAULT_LIMIT;
        if (query.limit() != null) {
            if (query.limit() < 1 || query.limit() > MAX_LIMIT) {
                errors.add(ConnectError.invalidQueryParam("limit", "must be between 1 and " + MAX_LIMIT + ", got " + query.limit()));
            } else {
                limit = query.limit();
            }
        }
        Instant start = date(errors, "startDate", query.startDate());
        Instant end = date(errors, "endDate", query.endDate());
        if (start != null && start.isBefore(now.minus(Duration.ofDays(MAX_DAYS_BACK)))) {
            errors.add(DeploymentErrors.logInvalidDate("startDate: can be at most " + MAX_DAYS_BACK + " days in the past"));
        }
        if (start != null && end != null && start.isAfter(end)) {
            errors.add(DeploymentErrors.logInvalidDate("startDate: is after endDate"));
        }
        String app = query.applicationName();
        if (app != null && deployment.application(app) == null) {
            errors.add(DeploymentErrors.applicationDoesNotExist(app));
        }
        if (app == null && deployment.deployedRegion().wireValue().endsWith(".aws")) {
            errors.add(DeploymentErrors.logMissingApplicationName());
        }
        Cursor cursor = null;
        if (query.pageToken() != null && !query.pageToken().isEmpty()) {
            cursor = Cursor.decode(query.pageToken(), deployment.id(), app, query.startDate(), query.endDate());
            if (cursor == null) {
                errors.add(DeploymentErrors.logInvalidPageToken(abbreviate(query.pageToken())));
            }
        }
        if (!errors.isEmpty()) {
            return Either.left(io.vavr.collection.List.ofAll(errors));
        }
        Instant from = start;
        int skip = 0;
        if (cursor != null && (start == null || !cursor.at().isBefore(start))) {
            from = cursor.at();
            skip = cursor.sameInstant();
        }
        List<DeploymentLog> read = reader.apply(new DeploymentLogRange(app, from, skip, end, limit + 1));
        if (read.size() <= limit) {
            return Either.right(new DeploymentLogPage(read, null));
        }
        List<DeploymentLog> data = read.subList(0, limit);
        Instant last = data.get(data.size() - 1).timestamp();
        int sameInstant = (int) data.stream().filter(log -> log.timestamp().equals(last)).count();
        if (last.equals(from)) {
            sameInstant += skip;
        }
        String next = new Cursor(last, sameInstant).encode(deployment.id(), app, query.startDate(), query.endDate());
        return Either.right(new DeploymentLogPage(data, next));
    }

    private static Instant date(List<ConnectError> errors, String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(DeploymentErrors.logInvalidDate(name + ": '" + abbreviate(text)
                    + "' is not a date-time such as 2023-03-15T11:05:01.912Z"));
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }

    /** The position after the last entry of a page: its instant, and how many entries of that instant were returned. */
    record Cursor(Instant at, int sameInstant) {

        String encode(String deploymentId, String app, String start, String end) {
            String position = VERSION + "." + at.getEpochSecond() + "." + at.getNano() + "." + sameInstant;
            String text = position + "." + check(position, deploymentId, app, start, end);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        /** The cursor of a token, or {@code null} when it is not one of ours for this query. */
        static Cursor decode(String token, String deploymentId, String app, String start, String end) {
            if (token.length() > MAX_TOKEN_LENGTH) {
                return null;
            }
            String text;
            try {
                text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            String[] parts = text.split("\\.", -1);
            if (parts.length != 5 || !parts[0].equals(VERSION)) {
                return null;
            }
            String position = String.join(".", parts[0], parts[1], parts[2], parts[3]);
            byte[] expected = check(position, deploymentId, app, start, end).getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(expected, parts[4].getBytes(StandardCharsets.UTF_8))) {
                return null;
            }
            try {
                long seconds = Long.parseLong(parts[1]);
                int nanos = Integer.parseInt(parts[2]);
                int same = Integer.parseInt(parts[3]);
                if (nanos < 0 || nanos > 999_999_999 || same < 1) {
                    return null;
                }
                return new Cursor(Instant.ofEpochSecond(seconds, nanos), same);
            } catch (RuntimeException e) {
                return null;
            }
        }

        private static String check(String position, String deploymentId, String app, String start, String end) {
            String material = "connectstage-deployment-logs|" + position + "|" + deploymentId + "|" + app + "|" + start + "|" + end;
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest, 0, 12);
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException("every Java platform has SHA-256", impossible);
            }
        }
    }
}
