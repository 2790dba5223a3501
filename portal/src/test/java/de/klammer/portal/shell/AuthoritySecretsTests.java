package de.klammer.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AuthoritySecretsTests {

    private static final String KEY = Base64.getEncoder()
            .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    private final AuthoritySecrets secrets = new AuthoritySecrets(KEY, "master-1");

    @Test
    void sealedSecretOpensForSameAuthority() {
        byte[] sealed = secrets.seal("kommune", "ca_registrar_secret", "s3cret");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("s3cret");
        assertThat(secrets.open("kommune", "ca_registrar_secret", sealed)).isEqualTo("s3cret");
    }

    @Test
    void sealedSecretRejectsOtherAuthority() {
        byte[] sealed = secrets.seal("kommune", "ca_registrar_secret", "s3cret");

        assertThatIllegalStateException()
                .isThrownBy(() -> secrets.open("bamf", "ca_registrar_secret", sealed))
                .withMessageContaining("authority bamf");
        assertThatIllegalStateException()
                .isThrownBy(() -> secrets.open("kommune", "oidc_client_secret", sealed))
                .withMessageContaining("oidc_client_secret");
    }

    @Test
    void sealedSecretRejectsOtherMasterKey() {
        byte[] sealed = secrets.seal("kommune", "oidc_client_secret", "s3cret");
        AuthoritySecrets rotated = new AuthoritySecrets(KEY, "master-2");

        assertThatIllegalStateException()
                .isThrownBy(() -> rotated.open("kommune", "oidc_client_secret", sealed))
                .withMessageContaining("master key master-1");
    }

    @Test
    void missingMasterKeyNamesSetting() {
        AuthoritySecrets withoutKey = new AuthoritySecrets("", "master-1");

        assertThatIllegalStateException()
                .isThrownBy(() -> withoutKey.seal("kommune", "oidc_client_secret", "s3cret"))
                .withMessageContaining("klammer.identity.master-key");
    }
}
