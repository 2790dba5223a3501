package de.klammer.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.identity.AffiliationNotFoundException;
import de.klammer.identity.AttributeNotRegisteredException;
import de.klammer.identity.EnrollmentLimitReachedException;
import de.klammer.identity.IdentityLockedOutException;
import de.klammer.identity.IdentityNotFoundException;
import de.klammer.identity.IdentityRemovalDisabledException;
import de.klammer.identity.InvalidEnrollmentSecretException;
import de.klammer.identity.PersonalDataFinding;
import de.klammer.identity.PersonalDataFoundException;
import de.klammer.portal.ledger.LedgerRejectedException;
import de.klammer.portal.ledger.LedgerUnavailableException;
import de.klammer.portal.shell.TranslationProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class FailureMessageTests {

    private static final String ID = "kl-3f9a2c";

    private final TranslationProvider translations = new TranslationProvider();

    @Test
    void rendersMissingAffiliationInGerman() {
        var failure = new AffiliationNotFoundException(
                "ca-lds", ID, "register", 400, 71, "Failed getting affiliation 'org3.department1'", "org3.department1");

        String text = render(FailureMessage.of(failure), Locale.GERMAN);

        assertThat(text).isEqualTo("Die Zertifizierungsstelle ca-lds kennt die Zuordnung (Affiliation)"
                + " „org3.department1“ nicht. Legen Sie sie in der Konfiguration der Zertifizierungsstelle an und"
                + " setzen Sie den Antrag dann fort.");
    }

    @Test
    void rendersEnrollmentLimitInEnglish() {
        var failure = new EnrollmentLimitReachedException("ca-bamf", ID, 401, 20, "Authentication failure", 5);

        String text = render(FailureMessage.of(failure), Locale.ENGLISH);

        assertThat(text).isEqualTo("The identity " + ID + " has used up its 5 allowed enrolments. Raise the limit at"
                + " the CA or withdraw the request.");
    }

    @Test
    void namesFieldsNotValuesOfPersonalData() {
        var finding = new PersonalDataFinding("subject", PersonalDataFinding.Kind.FAMILY_NAME, "Mu*******");
        var failure = new PersonalDataFoundException(ID, "certificate signing request", List.of(finding));

        String text = render(FailureMessage.of(failure), Locale.GERMAN);

        assertThat(text).contains("subject").doesNotContain("Mu*******");
    }

    @Test
    void translatesEveryMappedFailureInBothLanguages() {
        List<RuntimeException> failures = List.of(
                new AffiliationNotFoundException("ca", ID, "register", 400, 71, "missing", "org3"),
                new InvalidEnrollmentSecretException("ca", ID, 401, 20, "Authentication failure"),
                new IdentityLockedOutException("ca", ID, 401, 73, "max incorrect password limit"),
                new EnrollmentLimitReachedException("ca", ID, 401, 20, "Authentication failure", 1),
                new AttributeNotRegisteredException("ca", ID, "enroll", 400, 0, "missing", List.of("klammer.roles")),
                new IdentityRemovalDisabledException("ca", ID, 403, 56, "Identity removal is disabled"),
                new IdentityNotFoundException("ca", ID, "enroll", 401, 20, "Authentication failure"),
                new PersonalDataFoundException(ID, "registration request", List.of()),
                new LedgerUnavailableException("orderer down"),
                new LedgerRejectedException("FORBIDDEN", "implicit policy evaluation failed", "signature missing"),
                new AccessDeniedException("not yours"),
                new IllegalStateException("something else"));

        for (RuntimeException failure : failures) {
            FailureMessage message = FailureMessage.of(failure);
            for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
                assertThat(render(message, locale))
                        .as("%s in %s", failure.getClass().getSimpleName(), locale)
                        .doesNotStartWith("!")
                        .doesNotContain("{0}");
            }
        }
    }

    @Test
    void bundlesContainEveryFailureCode() throws IOException {
        String source = Files.readString(Path.of("src/main/java/de/klammer/portal/identity/FailureMessage.java"));
        Matcher codes = Pattern.compile("message\\(\"([a-z-]+)\"").matcher(source);
        List<String> keys = new ArrayList<>();
        while (codes.find()) {
            keys.add("identity.exception." + codes.group(1));
        }

        assertThat(keys).hasSizeGreaterThan(10);
        for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            for (String key : keys) {
                assertThat(translations.getTranslation(key, locale)).as("%s in %s", key, locale).doesNotStartWith("!");
            }
        }
    }

    private String render(FailureMessage message, Locale locale) {
        return translations.getTranslation(message.key(), locale, message.argumentArray());
    }
}
