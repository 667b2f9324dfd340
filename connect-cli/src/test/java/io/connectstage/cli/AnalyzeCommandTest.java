package io.connectstage.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("./connect analyze")
class AnalyzeCommandTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** {@code ./connect analyze ARGS}, as the script runs it; answers the exit code. */
    private int analyze(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "analyze";
        System.arraycopy(args, 0, line, 1, args.length);
        return ConnectCli.run(line, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void neverPrintsThePasswordOrTokenOfAUrlInTextOrJson() {
        for (String url : List.of("https://alice:S3cretPw@127.0.0.1:1/r.git", "https://alice:S3c/retPw@127.0.0.1:1/r.git",
                "https://ghp_S3cretToken99@127.0.0.1:1/r.git", "https://alice:S3cret%2FPw@127.0.0.1:1/r.git",
                "ssh://git:S3cretPw@127.0.0.1:1/r.git")) {
            for (boolean json : new boolean[] {false, true}) {
                out.reset();
                err.reset();
                int code = json ? analyze(url, "--tag", "t", "--json")
                        : analyze(url, "--tag", "t");

                assertEquals(1, code, printed());
                assertAll(url,
                        () -> assertFalse(printed().contains("S3cret"), printed()),
                        () -> assertFalse(printed().contains("retPw"), printed()),
                        () -> assertTrue(printed().contains("127.0.0.1:1"), printed()));
            }
        }
    }

    @Test
    void escapesControlCharactersInTextOutputButNotInJson() throws Exception {
        Files.writeString(tmp.resolve("connect.yaml"), "deployAs:\n  - name: \"evil\\e[31mred\\a\"\n    applicationType: service\n");

        assertEquals(1, analyze(tmp.toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertFalse(text.chars().anyMatch(c -> c == 0x1b || c == 0x07), text);
        assertTrue(text.contains("\\u001B"), text);

        out.reset();
        assertEquals(1, analyze(tmp.toString(), "--json"));
        assertFalse(out.toString(StandardCharsets.UTF_8).chars().anyMatch(c -> c == 0x1b), "JSON escapes them itself");
    }

    @Test
    void aCrashIsExitCode3NotTheVerdictInvalid() {
        int code = AnalyzeCommand.guarded(new PrintStream(err, true, StandardCharsets.UTF_8), () -> {
            throw new IllegalStateException("boom");
        });

        assertEquals(AnalyzeCommand.CRASHED, code);
        assertEquals(3, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("crashed"));
    }

    @Test
    void aTokenIsReadFromTheNamedEnvironmentVariableAndAMissingOneIsAUsageError() {
        assertEquals(2, analyze("https://host/r.git", "--tag", "t", "--token-env", "CONNECTSTAGE_NO_SUCH_VARIABLE"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("CONNECTSTAGE_NO_SUCH_VARIABLE is not set"));
    }

    @Test
    void aMissingPathOrAnUnknownOptionIsAUsageErrorWithoutControlCharactersEchoed() {
        assertEquals(2, analyze());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("PATH|URL"), printed());

        err.reset();
        assertEquals(2, analyze(tmp.toString(), "--evil\u001b[31m"));
        assertFalse(printed().chars().anyMatch(c -> c == 0x1b), printed());
    }

    @Test
    void refusesADeviceGivenAsPath() {
        int code = analyze("/dev/zero");
        assertEquals(1, code, printed());
        assertTrue(printed().contains("not a regular file"), printed());
    }
}
