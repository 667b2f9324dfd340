package io.connectstage.deployment;

import static io.connectstage.deployment.DeploymentsTest.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.connectstage.connector.Region;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorCode;
import io.connectstage.testkit.SampleDeployments;
import io.connectstage.testkit.Seeds;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

@DisplayName("Deployment log paging")
class DeploymentLogPagingTest {
    private static final Deployment DEPLOYMENT = SampleDeployments.inStatus(DeploymentStatus.DEPLOYED);
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    private static final Instant T0 = NOW.minus(Duration.ofDays(2));
    private static final List<String> APPS = List.of("service", "events", "nightly");

    static DeploymentLog log(int second, String app, int n) {
        return DeploymentLog.text(DEPLOYMENT.id(), app, DeploymentLogSeverity.INFO, T0.plusSeconds(second), "line " + n);
    }

    /** {@code count} entries, one a second, the applications taking turns. */
    static DeploymentLogs logs(int count) {
        List<DeploymentLog> logs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            logs.add(log(i, APPS.get(i % APPS.size()), i));
        }
        return DeploymentLogs.of(logs);
    }

    static Either<Seq<ConnectError>, DeploymentLogPage> page(DeploymentLogs logs, DeploymentLogQuery query) {
        return DeploymentLogPaging.page(DEPLOYMENT, logs, query, NOW);
    }

    /** Every entry the query finds, page after page. */
    static List<DeploymentLog> walk(DeploymentLogs logs, DeploymentLogQuery query) {
        List<DeploymentLog> all = new ArrayList<>();
        DeploymentLogQuery q = query;
        for (int guard = 0; guard < 100_000; guard++) {
            DeploymentLogPage page = page(logs, q).get();
            all.addAll(page.data());
            if (page.next() == null) {
                return all;
            }
            q = q.withPageToken(page.next());
        }
        throw new AssertionError("the pages never end");
    }

    @Nested
    @DisplayName("pages")
    class Pages {

        @Test
        @DisplayName("of no logs are empty and last")
        void empty() {
            DeploymentLogPage page = page(DeploymentLogs.empty(), DeploymentLogQuery.firstPage()).get();
            assertTrue(page.data().isEmpty());
            assertNull(page.next());
        }

        @Test
        @DisplayName("hold limit entries oldest first, and the last page has no next token")
        void limitAndOrder() {
            DeploymentLogs logs = logs(45);
            DeploymentLogPage first = page(logs, DeploymentLogQuery.firstPage()).get();
            assertEquals(DeploymentLogPaging.DEFAULT_LIMIT, first.data().size());
            assertNotNull(first.next());
            DeploymentLogPage second = page(logs, DeploymentLogQuery.firstPage().withPageToken(first.next())).get();
            assertEquals(logs.all().get(20), second.data().get(0));
            DeploymentLogPage third = page(logs, DeploymentLogQuery.firstPage().withPageToken(second.next())).get();
            assertEquals(5, third.data().size());
            assertNull(third.next());
            assertEquals(logs.all().toJavaList(), walk(logs, DeploymentLogQuery.builder().limit(7).build()));
        }

        @Test
        @DisplayName("filter by application and by inclusive start and end dates")
        void filters() {
            DeploymentLogs logs = logs(60);
            List<DeploymentLog> events = walk(logs, DeploymentLogQuery.builder().applicationName("events").limit(4).build());
            assertEquals(20, events.size());
            assertTrue(events.stream().allMatch(l -> l.applicationName().equals("events")));
            List<DeploymentLog> window = walk(logs, DeploymentLogQuery.builder().startDate(T0.plusSeconds(10))
                    .endDate(T0.plusSeconds(19)).limit(3).build());
            assertEquals(logs.all().subSequence(10, 20).toJavaList(), window);
        }

        @Test
        @DisplayName("do not split or repeat entries of the same instant across a page boundary")
        void sameInstant() {
            List<DeploymentLog> same = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                same.add(log(5, "service", i));
            }
            DeploymentLogs logs = DeploymentLogs.of(same);
            assertEquals(same, walk(logs, DeploymentLogQuery.builder().limit(3).build()));
        }

        @Test
        @DisplayName("keep their place when entries are added between two pages")
        void stableUnderAppends() {
            DeploymentLogs logs = logs(30);
            DeploymentLogPage first = page(logs, DeploymentLogQuery.builder().limit(10).build()).get();
            DeploymentLogs more = logs.plus(log(100, "service", 100)).plus(log(3, "events", 101));
            DeploymentLogPage second = page(more, DeploymentLogQuery.builder().limit(10).build().withPageToken(first.next())).get();
            assertEquals(logs.all().get(10), second.data().get(0));
        }
    }

    @Nested
    @DisplayName("at scale")
    class Scale {

        @Test
        @DisplayName("a page deep into 100,000 entries is found by its token, and the last page has no next")
        void deepPage() {
            DeploymentLogs logs = logs(100_000);
            DeploymentLogQuery query = DeploymentLogQuery.builder().applicationName("service").limit(500).build();
            DeploymentLogPage first = page(logs, query).get();
            DeploymentLogPage second = page(logs, query.withPageToken(first.next())).get();
            assertEquals(logs.of("service").get(500), second.data().get(0));
            List<DeploymentLog> tail = walk(logs, DeploymentLogQuery.builder().startDate(T0.plusSeconds(99_990)).limit(3).build());
            assertEquals(logs.all().subSequence(99_990).toJavaList(), tail);
        }

        @Test
        @DisplayName("the last page is written with next \"\" (a required string in the RAML) and read back as null")
        void lastPageJson() {
            DeploymentLogPage last = page(logs(3), DeploymentLogQuery.firstPage()).get();
            assertEquals(null, last.next());
            assertEquals("", DeploymentJson.toTree(last).get("next").textValue());
            assertEquals(null, DeploymentJson.readLogPage(DeploymentJson.write(last)).get().next());
            assertEquals(3, DeploymentJson.toTree(last).get("data").size());
        }
    }

    @Nested
    @DisplayName("bad queries")
    class BadQueries {
        private final DeploymentLogs logs = logs(30);

        @Test
        @DisplayName("a token that was changed, made for other filters or another Deployment, or not a token, is refused")
        void badTokens() {
            String token = page(logs, DeploymentLogQuery.builder().limit(5).build()).get().next();
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    decoded.replaceFirst("\\.1\\.", ".2.").getBytes(StandardCharsets.UTF_8));
            for (String bad : List.of(tampered, "not a token!", "djEuMS4yLjM", token + "A")) {
                assertEquals(List.of(ErrorCode.DEPLOYMENT_LOG_INVALID_PAGE_TOKEN),
                        codes(page(logs, DeploymentLogQuery.builder().limit(5).pageToken(bad).build())), bad);
            }
            assertEquals(List.of(ErrorCode.DEPLOYMENT_LOG_INVALID_PAGE_TOKEN),
                    codes(page(logs, DeploymentLogQuery.builder().applicationName("service").pageToken(token).build())));
            Deployment other = DEPLOYMENT.toBuilder().id("another-id").build();
            assertEquals(List.of(ErrorCode.DEPLOYMENT_LOG_INVALID_PAGE_TOKEN),
                    codes(DeploymentLogPaging.page(other, logs, DeploymentLogQuery.firstPage().withPageToken(token), NOW)));
            ConnectError e = page(logs, DeploymentLogQuery.firstPage().withPageToken("xyz")).getLeft().head();
            assertEquals("Invalid page token: xyz", e.message());
        }

        @Test
        @DisplayName("a date that is not a date-time, a start after the end, or a start over 30 days back answers DeploymentLogInvalidDate")
        void badDates() {
            assertEquals(List.of(ErrorCode.DEPLOYMENT_LOG_INVALID_DATE),
                    codes(page(logs, DeploymentLogQuery.builder().startDate("yesterday").build())));
            assertEquals(List.of(ErrorCode.DEPLOYMENT_LOG_INVALID_DATE),
                    codes(page(logs, DeploymentLogQuery.builder().startDate(T0.plusSeconds(10)).endDate(T0).build())));
            assertEquals(List.of(ErrorCode.DEPLOYMENT_LOG_INVALID_DATE),
                    codes(page(logs, DeploymentLogQuery.builder().startDate(NOW.minus(Duration.ofDays(31))).build())));
            assertTrue(page(logs, DeploymentLogQuery.builder().startDate(NOW.minus(Duration.ofDays(30))).build()).isRight());
        }

        @Test
        @DisplayName("an application the Deployment does not have answers DeploymentApplicationDoesNotExist")
        void unknownApplication() {
            Either<Seq<ConnectError>, DeploymentLogPage> result = page(logs, DeploymentLogQuery.builder().applicationName("ghost").build());
            assertEquals(List.of(ErrorCode.DEPLOYMENT_APPLICATION_DOES_NOT_EXIST), codes(result));
            assertEquals("Deployment does not have an application named ghost.", result.getLeft().head().message());
        }

        @Test
        @DisplayName("a Deployment in an AWS region needs an application name")
        void awsNeedsApplicationName() {
            Deployment aws = DEPLOYMENT.toBuilder().deployedRegion(Region.US_EAST_2_AWS).build();
            assertEquals(List.of(ErrorCode.DEPLOYMENT_LOG_MISSING_APPLICATION_NAME),
                    codes(DeploymentLogPaging.page(aws, logs, DeploymentLogQuery.firstPage(), NOW)));
            assertTrue(DeploymentLogPaging.page(aws, logs, DeploymentLogQuery.builder().applicationName("service").build(), NOW).isRight());
        }

        @Test
        @DisplayName("a limit out of 1 to 500 answers InvalidQueryParam, and every error comes at once")
        void limits() {
            assertEquals(List.of(ErrorCode.INVALID_QUERY_PARAM), codes(page(logs, DeploymentLogQuery.builder().limit(0).build())));
            assertEquals(List.of(ErrorCode.INVALID_QUERY_PARAM), codes(page(logs, DeploymentLogQuery.builder().limit(501).build())));
            assertEquals(List.of(ErrorCode.INVALID_QUERY_PARAM, ErrorCode.DEPLOYMENT_LOG_INVALID_DATE,
                    ErrorCode.DEPLOYMENT_APPLICATION_DOES_NOT_EXIST, ErrorCode.DEPLOYMENT_LOG_INVALID_PAGE_TOKEN),
                    codes(page(logs, DeploymentLogQuery.builder().limit(-1).endDate("never").applicationName("x").pageToken("t").build())));
        }
    }

    @Test
    @DisplayName("walking the pages of random logs gives the sorted, filtered entries of a plain list")
    void walkMatchesPlainList() {
        Gen<List<Integer>> seconds = lists().of(integers().between(0, 40)).ofSizeBetween(0, 120);
        Seeds.check("log pages match a plain list", Seeds.examples(300), seconds,
                integers().between(0, 7 * 1000 + 999), (secondsList, knobs) -> {
                    List<DeploymentLog> input = new ArrayList<>();
                    for (int i = 0; i < secondsList.size(); i++) {
                        input.add(log(secondsList.get(i), APPS.get(i % APPS.size()), i));
                    }
                    int limit = 1 + knobs % 7;
                    String app = (knobs / 7) % 4 == 3 ? null : APPS.get((knobs / 7) % 4);
                    int from = (knobs / 28) % 20;
                    int to = from + (knobs / 3) % 25;
                    List<DeploymentLog> expected = input.stream()
                            .sorted(Comparator.comparing(DeploymentLog::timestamp)) // stable: same instant keeps input order
                            .filter(l -> app == null || l.applicationName().equals(app))
                            .filter(l -> !l.timestamp().isBefore(T0.plusSeconds(from)) && !l.timestamp().isAfter(T0.plusSeconds(to)))
                            .toList();
                    DeploymentLogQuery query = DeploymentLogQuery.builder().limit(limit).applicationName(app)
                            .startDate(T0.plusSeconds(from)).endDate(T0.plusSeconds(to)).build();
                    assertEquals(expected, walk(DeploymentLogs.of(input), query));
                });
    }
}
