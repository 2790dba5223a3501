package de.klammer.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.governance.GovernanceRuleViolationException.Rule;
import de.klammer.portal.governance.ProposalStatus;
import de.klammer.portal.governance.SubmissionState;
import de.klammer.portal.security.PortalRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TranslationBundleTests {

    private static final Pattern LITERAL_KEY = Pattern.compile("getTranslation\\(\\s*\"([a-z0-9.-]+)\"");

    @Test
    void bundlesHaveSameKeys() throws IOException {
        Set<String> german = keys("messages_de.properties");
        Set<String> english = keys("messages_en.properties");

        assertThat(english).as("keys missing in messages_en").containsAll(german);
        assertThat(german).as("keys missing in messages_de").containsAll(english);
    }

    @Test
    void bundlesContainEveryKeyOfViews() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = LITERAL_KEY.matcher(Files.readString(source));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        // Keys built from a prefix and an enum constant.
        used.removeIf(key -> key.endsWith("."));
        Arrays.stream(ProposalStatus.values()).forEach(status -> used.add("status." + status.databaseValue()));
        Arrays.stream(SubmissionState.values()).forEach(state -> used.add("submission." + state.databaseValue()));
        Arrays.stream(PortalRole.values()).forEach(role -> used.add("role." + role.name()));
        Arrays.stream(Rule.values()).forEach(rule -> used.add("rule." + rule.name()));

        assertThat(used).isNotEmpty();
        assertThat(keys("messages_de.properties")).containsAll(used);
    }

    @Test
    void translatesUnknownLocaleToGerman() {
        TranslationProvider translations = new TranslationProvider();

        assertThat(translations.getTranslation("layout.sign-out", Locale.FRENCH)).isEqualTo("Abmelden");
        assertThat(translations.getTranslation("layout.sign-out", Locale.UK)).isEqualTo("Sign out");
    }

    @Test
    void formatsParametersAndApostrophes() {
        TranslationProvider translations = new TranslationProvider();

        assertThat(translations.getTranslation("details.applied", Locale.ENGLISH, 1234L, 7L))
                .isEqualTo("Applied in config block 1234, sequence 7.");
        assertThat(translations.getTranslation("login.intro", Locale.ENGLISH)).contains("authority's identity");
    }

    @Test
    void marksMissingKey() {
        assertThat(new TranslationProvider().getTranslation("no.such.key", Locale.GERMAN)).isEqualTo("!no.such.key");
    }

    private static Set<String> keys(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream stream = TranslationBundleTests.class.getResourceAsStream("/" + bundle);
                Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
