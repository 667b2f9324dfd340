package io.connectstage.spec;

import io.connectstage.connector.ApplicationType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The type of an application as {@code connect.yaml} spells it, with the keys it allows and needs. */
enum DeclaredType {
    SERVICE("service", ApplicationType.SERVICE, List.of("endpoint"),
            List.of("configuration", "scripts", "healthCheck")),
    EVENT("event", ApplicationType.EVENT, List.of("endpoint"),
            List.of("configuration", "scripts", "healthCheck", "retryPolicy")),
    JOB("job", ApplicationType.JOB, List.of("endpoint", "properties"), List.of("configuration", "scripts")),
    CUSTOM_APPLICATION("merchant-center-custom-application", ApplicationType.MERCHANT_CENTER_CUSTOM_APPLICATION,
            List.of(), List.of("configuration", "scripts")),
    LEGACY_CUSTOM_APPLICATION("mc-app", ApplicationType.MERCHANT_CENTER_CUSTOM_APPLICATION,
            List.of(), List.of("configuration", "scripts")),
    CUSTOM_VIEW("merchant-center-custom-view", ApplicationType.MERCHANT_CENTER_CUSTOM_VIEW,
            List.of(), List.of("configuration", "scripts")),
    ASSETS("assets", ApplicationType.ASSETS, List.of(), List.of());

    static final String ACCEPTED = Stream.of(values()).map(t -> t.spelling).collect(Collectors.joining(", "));

    final String spelling;
    final ApplicationType applicationType;
    final List<String> required;
    final List<String> allowed;

    DeclaredType(String spelling, ApplicationType applicationType, List<String> required, List<String> optional) {
        this.spelling = spelling;
        this.applicationType = applicationType;
        this.required = required;
        List<String> allowed = new ArrayList<>(List.of("name", "applicationType"));
        allowed.addAll(required);
        allowed.addAll(optional);
        this.allowed = List.copyOf(allowed);
    }

    static DeclaredType of(String spelling) {
        for (DeclaredType type : values()) {
            if (type.spelling.equals(spelling)) {
                return type;
            }
        }
        return null;
    }

    boolean isMerchantCenter() {
        return applicationType == ApplicationType.MERCHANT_CENTER_CUSTOM_APPLICATION
                || applicationType == ApplicationType.MERCHANT_CENTER_CUSTOM_VIEW;
    }

    String description() {
        return applicationType == ApplicationType.MERCHANT_CENTER_CUSTOM_APPLICATION
                ? "a Merchant Center custom application (" + spelling + ")"
                : applicationType == ApplicationType.MERCHANT_CENTER_CUSTOM_VIEW
                ? "a Merchant Center custom view"
                : "an application of type " + spelling;
    }
}
