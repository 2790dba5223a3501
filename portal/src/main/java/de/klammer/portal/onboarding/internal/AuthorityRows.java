package de.klammer.portal.onboarding.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the {@code authority} row of an onboarded authority: status {@code proposed} while the board decides,
 * {@code active} once its organisation is on the channel. Other features read the CA and OIDC columns of active rows.
 */
@Component
public class AuthorityRows {

    private final JdbcClient jdbc;

    AuthorityRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Values of a proposed authority row; the secrets are sealed already. */
    public record ProposedAuthority(
            String code,
            String name,
            String authorityType,
            String mspId,
            String oidcIssuer,
            String oidcClientId,
            byte[] oidcClientSecret,
            String caUrl,
            String caName,
            String caTlsRootPem,
            String caRegistrarId,
            byte[] caRegistrarSecret,
            String caAffiliation,
            UUID onboardingProposalId) {}

    /** Inserts the row with status {@code proposed} and returns its id. */
    public UUID insertProposed(ProposedAuthority authority) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into authority (id, code, name, authority_type, msp_id, oidc_issuer, status, ca_url,
                                               ca_name, ca_tls_root_pem, ca_registrar_id, ca_registrar_secret,
                                               ca_affiliation, oidc_client_id, oidc_client_secret,
                                               onboarding_proposal_id)
                        values (:id, :code, :name, :type, :mspId, :issuer, 'proposed', :caUrl, :caName, :tlsRoot,
                                :registrarId, :registrarSecret, :affiliation, :clientId, :clientSecret, :proposal)
                        """)
                .param("id", id)
                .param("code", authority.code())
                .param("name", authority.name())
                .param("type", authority.authorityType())
                .param("mspId", authority.mspId())
                .param("issuer", authority.oidcIssuer())
                .param("caUrl", authority.caUrl())
                .param("caName", authority.caName())
                .param("tlsRoot", authority.caTlsRootPem())
                .param("registrarId", authority.caRegistrarId())
                .param("registrarSecret", authority.caRegistrarSecret())
                .param("affiliation", authority.caAffiliation())
                .param("clientId", authority.oidcClientId())
                .param("clientSecret", authority.oidcClientSecret())
                .param("proposal", authority.onboardingProposalId())
                .update();
        return id;
    }

    /** Makes the proposed authority of this proposal active; returns its code, or empty when there is none. */
    public Optional<String> activate(UUID proposalId) {
        List<String> codes = jdbc.sql("""
                        update authority set status = 'active'
                        where onboarding_proposal_id = ? and status = 'proposed'
                        returning code
                        """)
                .param(proposalId)
                .query(String.class)
                .list();
        return codes.stream().findFirst();
    }

    /** Deletes the still proposed authority of a proposal that failed; returns its code, or empty. */
    public Optional<String> deleteProposed(UUID proposalId) {
        List<String> codes = jdbc.sql("""
                        delete from authority where onboarding_proposal_id = ? and status = 'proposed'
                        returning code
                        """)
                .param(proposalId)
                .query(String.class)
                .list();
        return codes.stream().findFirst();
    }

    /** Returns whether any authority row, whatever its status, has this value in the column. */
    public boolean codeTaken(String code) {
        return exists("select count(*) from authority where code = ?", code);
    }

    public boolean mspIdTaken(String mspId) {
        return exists("select count(*) from authority where lower(msp_id) = lower(?)", mspId);
    }

    public boolean issuerTaken(String issuer) {
        return exists("select count(*) from authority where oidc_issuer = ?", issuer);
    }

    /** Returns the codes of the {@code authority_type} table, sorted. */
    public List<String> authorityTypes() {
        return jdbc.sql("select code from authority_type order by code").query(String.class).list();
    }

    private boolean exists(String sql, String value) {
        return jdbc.sql(sql).param(value).query(Long.class).single() > 0;
    }
}
