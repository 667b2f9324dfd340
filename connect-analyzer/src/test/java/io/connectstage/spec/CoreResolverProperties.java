package io.connectstage.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

class CoreResolverProperties {
    private static final ScalarResolver LIBRARY = new CoreScalarResolver(false);
    private static final ScalarResolver OURS = new CoreResolver();
    private static final String ALPHABET = "01789+-.eExXoOabfAFtrueTRUEnlNLsSinfINFa~ ${}_:?";

    @Test
    void resolvesTheCornerCasesAsTheLibraryDoes() {
        for (String value : List.of("", " ", "~", "null", "Null", "NULL", "nULL", "true", "True", "TRUE", "tRUE", "false",
                "False", "FALSE", "yes", "0", "-0", "+0", "+", "-", "0o17", "0o8", "0x1F", "0xg", "0x", "0o", "1_000",
                "5.", "10.0", "1e1", ".5", "-.5", "+.inf", ".inf", "-.Inf", ".nan", ".NaN", "-.nan", "1.e5", "e5",
                "${X}", "${ X:-y }", "${X?err}", "$X", "<<", "name", "0.1.2", "12:30", "1-5")) {
            assertEquals(LIBRARY.resolve(value, true), OURS.resolve(value, true), value);
            assertEquals(LIBRARY.resolve(value, false), OURS.resolve(value, false), value);
        }
    }

    @Test
    void resolvesEveryShortValueAsTheLibraryDoes() {
        qt().withExamples(20_000)
                .forAll(lists().of(integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(0, 8))
                .checkAssert(indexes -> {
                    StringBuilder value = new StringBuilder();
                    indexes.forEach(i -> value.append(ALPHABET.charAt(i)));
                    String text = value.toString();
                    assertEquals(LIBRARY.resolve(text, true), OURS.resolve(text, true), text);
                });
    }
}
