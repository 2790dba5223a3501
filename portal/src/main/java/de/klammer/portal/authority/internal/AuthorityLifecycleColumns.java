package de.klammer.portal.authority.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads and writes the life-cycle, CA and OIDC client columns of the {@code authority} table. Every call reads the
 * database, because several portal instances share it and an authority can be onboarded or archived by any of them.
 * Secrets are returned sealed; {@code AuthorityService} opens them.
 */
@Component
public class AuthorityLifecycleColumns {

    private static final String CA_COLUMNS = """
            select code, msp_id, status, ca_url, ca_name, ca_tls_root_pem, ca_registrar_id, ca_registrar_secret,
                   ca_affiliation
            from authority
            where ca_url is not null and ca_name is not null and ca_tls_root_pem is not null
              and ca_registrar_id is not null and ca_registrar_secret is not null and ca_affiliation is not null
            """;

    private static final String OIDC_COLUMNS = """
            select code, name, oidc_issuer, oidc_client_id, oidc_client_secret
            from authority
            where status = 'active' and oidc_client_id is not null and oidc_client_secret is not null
            """;

    private final JdbcClient jdbc;

    AuthorityLifecycleColumns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** CA columns of one authority, with the registrar secret still sealed. */
    public record SealedCa(
            String code,
            String mspId,
            String status,
            String url,
            String caName,
            String tlsRootPem,
            String registrarId,
            byte[] sealedRegistrarSecret,
            String affiliation) {}

    /** OIDC client columns of one authority, with the client secret still sealed. */
    public record SealedOidcClient(String code, String name, String issuer, String clientId, byte[] sealedSecret) {}

    public Optional<String> status(UUID authorityId) {
        return jdbc.sql("select status from authority where id = ?")
                .param(authorityId)
                .query(String.class)
                .optional();
    }

    public List<UUID> idsWithStatus(String status) {
        return jdbc.sql("select id from authority where status = ?")
                .param(status)
                .query(UUID.class)
                .list();
    }

    /** Returns the CA columns of the authority with this MSP ID, when all of them are filled. */
    public Optional<SealedCa> ca(String mspId) {
        return jdbc.sql(CA_COLUMNS + " and msp_id = ?")
                .param(mspId)
                .query(AuthorityLifecycleColumns::sealedCa)
                .optional();
    }

    /** Returns the CA columns of every active authority that has all of them filled, ordered by MSP ID. */
    public List<SealedCa> activeCas() {
        return jdbc.sql(CA_COLUMNS + " and status = 'active' order by msp_id")
                .query(AuthorityLifecycleColumns::sealedCa)
                .list();
    }

    /** Returns the OIDC client columns of the active authority with this code, when both are filled. */
    public Optional<SealedOidcClient> oidcClient(String code) {
        return jdbc.sql(OIDC_COLUMNS + " and code = ?")
                .param(code)
                .query(AuthorityLifecycleColumns::sealedOidcClient)
                .optional();
    }

    /** Returns the OIDC client columns of every active authority that has both filled, ordered by code. */
    public List<SealedOidcClient> activeOidcClients() {
        return jdbc.sql(OIDC_COLUMNS + " order by code").query(AuthorityLifecycleColumns::sealedOidcClient).list();
    }

    /** Sets or clears the offboarding proposal of an authority; returns the number of rows changed. */
    public int linkOffboardingProposal(UUID authorityId, @Nullable UUID proposalId) {
        return jdbc.sql("update authority set offboarding_proposal_id = ? where id = ?")
                .param(proposalId)
                .param(authorityId)
                .update();
    }

    /** Archives an active authority; returns the number of rows changed, 0 when it was not active. */
    public int archive(UUID authorityId, UUID proposalId) {
        return jdbc.sql("""
                        update authority set status = 'archived', archived_at = now(), offboarding_proposal_id = ?
                        where id = ? and status = 'active'
                        """)
                .param(proposalId)
                .param(authorityId)
                .update();
    }

    private static SealedCa sealedCa(ResultSet row, int rowNumber) throws SQLException {
        return new SealedCa(
                row.getString("code"),
                row.getString("msp_id"),
                row.getString("status"),
                row.getString("ca_url"),
                row.getString("ca_name"),
                row.getString("ca_tls_root_pem"),
                row.getString("ca_registrar_id"),
                row.getBytes("ca_registrar_secret"),
                row.getString("ca_affiliation"));
    }

    private static SealedOidcClient sealedOidcClient(ResultSet row, int rowNumber) throws SQLException {
        return new SealedOidcClient(
                row.getString("code"),
                row.getString("name"),
                row.getString("oidc_issuer"),
                row.getString("oidc_client_id"),
                row.getBytes("oidc_client_secret"));
    }
}
