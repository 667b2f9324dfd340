package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Details of the individual or organization who developed the Connector. Only {@code email} is
 * required by the API; every other field may be {@code null} and is then omitted from the JSON.
 *
 * <pre>{@code
 * Creator creator = Creator.ofEmail("john.doe@example.com").withName("John Doe").withCompany("commercetools");
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"title", "name", "email", "company", "noOfContributors", "logoUrl", "supportUrl"})
public record Creator(
        String title,
        String name,
        String email,
        String company,
        Integer noOfContributors,
        String logoUrl,
        String supportUrl) {

    /** A creator with only the required email. */
    public static Creator ofEmail(String email) {
        return new Creator(null, null, email, null, null, null, null);
    }

    public Creator withTitle(String value) {
        return new Creator(value, name, email, company, noOfContributors, logoUrl, supportUrl);
    }

    public Creator withName(String value) {
        return new Creator(title, value, email, company, noOfContributors, logoUrl, supportUrl);
    }

    public Creator withEmail(String value) {
        return new Creator(title, name, value, company, noOfContributors, logoUrl, supportUrl);
    }

    public Creator withCompany(String value) {
        return new Creator(title, name, email, value, noOfContributors, logoUrl, supportUrl);
    }

    public Creator withNoOfContributors(Integer value) {
        return new Creator(title, name, email, company, value, logoUrl, supportUrl);
    }

    public Creator withLogoUrl(String value) {
        return new Creator(title, name, email, company, noOfContributors, value, supportUrl);
    }

    public Creator withSupportUrl(String value) {
        return new Creator(title, name, email, company, noOfContributors, logoUrl, value);
    }
}
