package io.connectstage.json;

import static io.connectstage.json.Answers.accepted;
import static io.connectstage.json.Examples.assertWrittenAsExample;
import static io.connectstage.json.Examples.text;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Examples of the parts of a connector read into their type and write back to the same JSON")
class ConnectJsonPartRoundTripTest {

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("io.connectstage.json.Fixtures#parts")
    void partExampleRoundTrips(String path, Class<?> type) {
        Object part = accepted(ConnectJson.read(text(path), type));
        assertInstanceOf(type, part);
        assertWrittenAsExample(path, ConnectJson.write(part));
    }
}
