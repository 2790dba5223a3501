package de.klammer.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Checks that the identity views find a text for every state, role, kind, key source and failure code. */
class IdentityTranslationTests {

    @Test
    void bundlesTranslateEveryValue() throws IOException {
        List<String> keys = new ArrayList<>();
        Arrays.stream(LedgerIdentityStatus.values()).forEach(s -> keys.add("identity.status." + s.databaseValue()));
        Arrays.stream(LedgerRole.values()).forEach(role -> keys.add("identity.role." + role.attributeValue()));
        Arrays.stream(IdentityKind.values()).forEach(kind -> keys.add("identity.kind." + lower(kind.name())));
        Arrays.stream(KeySource.values()).forEach(source -> keys.add("identity.key-source." + lower(source.name())));
        failureCodes().forEach(code -> keys.add("identity.failure." + code));
        List.of("self", "person", "system").forEach(target -> keys.add("identity.form.target." + target));

        for (String bundle : List.of("messages_de.properties", "messages_en.properties")) {
            assertThat(load(bundle).stringPropertyNames()).as(bundle).containsAll(keys);
        }
    }

    private static List<String> failureCodes() {
        List<String> codes = new ArrayList<>();
        for (Field field : EnrollmentFailure.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    codes.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return codes;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = IdentityTranslationTests.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
