package io.connectstage.repository;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("RepositoryUrl")
class RepositoryUrlTest {

    private static RepositoryUrl parsed(String raw) {
        return RepositoryUrl.parse(raw).getOrElseThrow(reason -> new AssertionError(raw + ": " + reason));
    }

    @Nested
    @DisplayName("redaction of every URL form")
    class Redacting {

        @Test
        void takesUserAndPasswordOutOfHttpsUrls() {
            assertAll(
                    () -> assertEquals("https://host/r.git", RepositoryUrl.redact("https://alice:S3cret@host/r.git")),
                    () -> assertEquals("https://github.com/a/b.git", RepositoryUrl.redact("https://ghp_0123456789abcdef@github.com/a/b.git")),
                    () -> assertEquals("https://host:8443/r.git", RepositoryUrl.redact("https://x-access-token:tok@host:8443/r.git")),
                    () -> assertEquals("http://[::1]:8080/r.git", RepositoryUrl.redact("http://u:p@[::1]:8080/r.git")),
                    () -> assertEquals("https://host/r.git", RepositoryUrl.redact("https://al%40ice:p%2Fa%3As%40s@host/r.git")),
                    () -> assertEquals("https://host/r.git", RepositoryUrl.redact("https://:onlypassword@host/r.git")),
                    () -> assertEquals("https://host/r.git", RepositoryUrl.redact("HTTPS://u:p@HOST/r.git")));
        }

        @Test
        void hidesARawSlashOrAtInThePasswordEvenThoughTheUrlIsRefused() {
            assertAll(
                    () -> assertEquals("https://host/r.git", RepositoryUrl.redact("https://alice:S3c/ret@host/r.git")),
                    () -> assertEquals("https://host/r.git", RepositoryUrl.redact("https://alice:a@b/c@host/r.git")),
                    () -> assertEquals("host:r.git", RepositoryUrl.redact("bob:se/cret@host:r.git")),
                    () -> assertTrue(RepositoryUrl.parse("https://alice:S3c/ret@host/r.git").isLeft()));
        }

        @Test
        void keepsAnSshUserAndDropsAnSshPassword() {
            assertAll(
                    () -> assertEquals("git@github.com:acme/c.git", RepositoryUrl.redact("git@github.com:acme/c.git")),
                    () -> assertEquals("ssh://git@host:2222/acme/c.git", RepositoryUrl.redact("ssh://git@host:2222/acme/c.git")),
                    () -> assertEquals("ssh://host/a.git", RepositoryUrl.redact("ssh://u:p@host/a.git")),
                    () -> assertEquals("git+ssh://git@host/a.git", RepositoryUrl.redact("git+ssh://git@host/a.git")),
                    () -> assertEquals("host:a/b.git", RepositoryUrl.redact("u:p@host:a/b.git")));
        }

        @Test
        void leavesLocalPathsAsWritten() {
            assertAll(
                    () -> assertEquals("/tmp/a@b/repo", RepositoryUrl.redact("/tmp/a@b/repo")),
                    () -> assertEquals("file:///tmp/a@b", RepositoryUrl.redact("file:///tmp/a@b")),
                    () -> assertEquals("relative/repo", RepositoryUrl.redact("relative/repo")));
        }

        @Test
        void replacesControlCharactersAndBoundsTheLengthOfWhatCannotBeParsed() {
            String shown = RepositoryUrl.redact("https://host/r\u001b[31m.git");
            assertFalse(shown.contains("\u001b"), shown);
            String huge = "https://h/" + "a".repeat(200_000);
            assertTrue(RepositoryUrl.redact(huge).length() < RepositoryUrl.MAX_LENGTH + 40);
        }

        @Test
        void neverShowsAGeneratedSecretWhateverCharactersItHas() {
            qt().withExamples(500).forAll(strings().basicLatinAlphabet().ofLengthBetween(4, 24))
                    .checkAssert(secret -> {
                        String marked = "Zq" + secret + "Zq";
                        for (String url : List.of("https://alice:" + marked + "@host/r.git",
                                "https://" + marked + "@host/r.git",
                                "ssh://git:" + marked + "@host/r.git",
                                "git:" + marked + "@host:r.git")) {
                            String shown = RepositoryUrl.redact(url);
                            assertFalse(shown.contains(marked), url + " -> " + shown);
                            String cleaned = new Redaction(url).clean("fetch of " + url + " failed: " + marked);
                            assertFalse(cleaned.contains(marked), url + " -> " + cleaned);
                        }
                    });
        }
    }

    @Nested
    @DisplayName("parsing")
    class Parsing {

        @Test
        void tellsTheFormsApart() {
            assertAll(
                    () -> assertEquals(RepositoryUrl.Form.SCHEME, parsed("https://github.com/a/b.git").form()),
                    () -> assertEquals(RepositoryUrl.Form.SCP, parsed("git@github.com:a/b.git").form()),
                    () -> assertEquals(RepositoryUrl.Form.LOCAL, parsed("/srv/repo").form()),
                    () -> assertEquals(RepositoryUrl.Form.LOCAL, parsed("file:///srv/repo").form()),
                    () -> assertEquals("/srv/my repo", parsed("file:///srv/my%20repo").path()),
                    () -> assertEquals("github.com", parsed("git@GitHub.com:a/b.git").host()),
                    () -> assertEquals(2222, parsed("ssh://git@host:2222/a.git").port()),
                    () -> assertEquals("::1", parsed("https://[::1]/a.git").host()),
                    () -> assertEquals("p/a:s@s", parsed("https://u:p%2Fa%3As%40s@host/r.git").password()));
        }

        @Test
        void refusesWhatIsNotAUrl() {
            for (String bad : List.of("", "https://", "https://host", "https://host:99999/r.git", "https://ho st/r.git",
                    "http://[bad/r.git", "https://host/r.git\n", "https://h\u0000/r.git", "file://otherhost/r.git")) {
                assertTrue(RepositoryUrl.parse(bad).isLeft(), bad);
            }
        }

        @Test
        void refusesAUrlLongerThanTheLimitBeforeLookingAtIt() {
            String url = "https://host/" + "a".repeat(RepositoryUrl.MAX_LENGTH);
            assertTrue(RepositoryUrl.parse(url).getLeft().contains("more than the limit"));
        }

        @Test
        void takesLinearTimeOnHugeAndHostileInput() {
            List<String> hostile = List.of(
                    "https://" + "a:".repeat(60_000) + "@host/r.git",
                    "a://".repeat(30_000),
                    "https://" + "@".repeat(120_000),
                    "x".repeat(60_000) + ":" + "/".repeat(60_000),
                    "https://u:p@h/" + "%".repeat(120_000));
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                for (String url : hostile) {
                    RepositoryUrl.redact(url);
                    new Redaction(url).clean(url + " " + url);
                    Redaction.stripUserInfoInText(url + " " + url);
                }
            });
        }
    }
}
