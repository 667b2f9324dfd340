package io.connectstage.store.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.IntegrationType;
import io.connectstage.json.ConnectJson;
import io.connectstage.testkit.Connectors;
import io.connectstage.testkit.Seeds;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

@DisplayName("Columns")
class ColumnsTest {

    @Test
    @DisplayName("write documents in ASCII, every other character escaped")
    void documentsAreAscii() {
        ConnectorStaged c = Connectors.minimal("id", "key").withName("Zahlungs-Connector für Österreich \uD83D\uDE80");
        String document = Columns.document(c);
        assertTrue(document.chars().allMatch(ch -> ch < 0x80), document);
        assertTrue(document.contains("f\\u00fcr \\u00d6sterreich \\ud83d\\ude80"), document);
        assertEquals(c, Columns.staged(document));
    }

    @Test
    @DisplayName("give back any string in a document, lone surrogates and NUL included")
    void documentsKeepAnyString() {
        Seeds.check("any string survives a document", Seeds.examples(1_000), SourceDSL.strings().allPossible()
                .ofLengthBetween(0, 20), name -> {
                    ConnectorStaged c = Connectors.minimal("id", null).withName(name).withDescription(name + "\u0000");
                    String document = Columns.document(c);
                    assertTrue(document.chars().allMatch(ch -> ch < 0x80), document);
                    assertEquals(c, Columns.staged(document));
                });
        assertEquals("{\"a\":\"\\ud800x\"}", Columns.ascii(ConnectJson.write(java.util.Map.of("a", "\uD800x"))));
    }

    @Test
    @DisplayName("order UTF-16 bytes exactly as String.compareTo orders the strings")
    void utf16OrderIsJavaOrder() {
        Seeds.check("unsigned byte order of UTF-16BE is String order", Seeds.examples(2_000),
                SourceDSL.strings().allPossible().ofLengthBetween(0, 6),
                SourceDSL.strings().allPossible().ofLengthBetween(0, 6), (a, b) -> assertEquals(
                        Integer.signum(a.compareTo(b)),
                        Integer.signum(Arrays.compareUnsigned(Columns.utf16(a), Columns.utf16(b))), a + " vs " + b));
        // Where code-point order (PostgreSQL's "C" collation) and Java disagree:
        assertTrue("\uD83D\uDE80".compareTo("\uFF01") < 0);
        assertTrue(Arrays.compareUnsigned(Columns.utf16("\uD83D\uDE80"), Columns.utf16("\uFF01")) < 0);
    }

    @Test
    @DisplayName("keep integration types as their sorted, distinct wire spellings")
    void integrationTypes() {
        assertEquals(List.of("psp", "tax"), Columns.integrationTypes(
                List.of(IntegrationType.TAX, IntegrationType.PSP, IntegrationType.TAX)));
        assertEquals(List.of(), Columns.integrationTypes(List.of()));
    }
}
