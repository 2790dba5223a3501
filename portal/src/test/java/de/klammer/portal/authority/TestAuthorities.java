package de.klammer.portal.authority;

import de.klammer.portal.shell.AuthoritySecrets;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes authorities as the onboarding wizard stores them: rows of the {@code authority} table with status, CA and
 * OIDC client columns, secrets sealed with {@link AuthoritySecrets}.
 */
public final class TestAuthorities {

    private final JdbcClient jdbc;
    private final AuthoritySecrets secrets;

    public TestAuthorities(JdbcClient jdbc, AuthoritySecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /** Inserts an active authority without CA or OIDC client and returns its id. */
    public UUID insertActive(String code, String name, String mspId, String issuer) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into authority (id, code, name, msp_id, oidc_issuer, status) values (?, ?, ?, ?, ?, 'active')")
                .param(id)
                .param(code)
                .param(name)
                .param(mspId)
                .param(issuer)
                .update();
        return id;
    }

    /** Stores the CA settings of the authority, with the registrar secret sealed. */
    public void storeCa(
            String code,
            String url,
            String caName,
            String tlsRootPem,
            String registrarId,
            String registrarSecret,
            String affiliation) {
        jdbc.sql("""
                        update authority
                        set ca_url = ?, ca_name = ?, ca_tls_root_pem = ?, ca_registrar_id = ?, ca_registrar_secret = ?,
                            ca_affiliation = ?
                        where code = ?
                        """)
                .param(url)
                .param(caName)
                .param(tlsRootPem)
                .param(registrarId)
                .param(secrets.seal(code, "ca_registrar_secret", registrarSecret))
                .param(affiliation)
                .param(code)
                .update();
    }

    /** Stores the OIDC client of the authority, with the client secret sealed. */
    public void storeOidcClient(String code, String clientId, String clientSecret) {
        jdbc.sql("update authority set oidc_client_id = ?, oidc_client_secret = ? where code = ?")
                .param(clientId)
                .param(secrets.seal(code, "oidc_client_secret", clientSecret))
                .param(code)
                .update();
    }

    /** Archives the authority if it is still active, as an applied offboarding does. */
    public void archive(UUID id) {
        jdbc.sql("update authority set status = 'archived', archived_at = now() where id = ? and status = 'active'")
                .param(id)
                .update();
    }
}
