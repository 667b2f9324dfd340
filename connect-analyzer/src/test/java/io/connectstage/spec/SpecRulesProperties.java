package io.connectstage.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecRulesProperties {
    private static final String ALPHABET = "aZz09_-/.: \n\t\u00e9\u0130\u212a+";

    @Test
    void checksTheCornerCasesAsTheRegularExpressionsDo() {
        for (String value : List.of("", "a", "ab", "a-", "-a", "a_", "a/b", "/", "//", "a\n", "\na", "ab\n", "a b", "\u0130x",
                "\u212ax", "a".repeat(255), "a".repeat(256), "a".repeat(257), "a-".repeat(128), "ab/".repeat(100))) {
            agree(value);
        }
    }

    @Test
    void checksEveryShortValueAsTheRegularExpressionsDo() {
        qt().withExamples(20_000)
                .forAll(lists().of(integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(0, 8))
                .checkAssert(indexes -> {
                    StringBuilder value = new StringBuilder();
                    indexes.forEach(i -> value.append(ALPHABET.charAt(i)));
                    agree(value.toString());
                });
    }

    private static void agree(String value) {
        assertEquals(SpecRules.NAME.matcher(value).matches(), SpecRules.isName(value), value);
        assertEquals(SpecRules.CONFIGURATION_KEY.matcher(value).matches(), SpecRules.isConfigurationKey(value), value);
        assertEquals(SpecRules.ENDPOINT_CHARACTERS.matcher(value).matches(), SpecRules.isEndpointCharacters(value), value);
    }
}
