package de.klammer.portal.authority;

import de.klammer.portal.authority.internal.AuthorityEntity;
import de.klammer.portal.authority.internal.AuthorityLifecycleColumns;
import de.klammer.portal.authority.internal.AuthorityLifecycleColumns.SealedCa;
import de.klammer.portal.authority.internal.AuthorityLifecycleColumns.SealedOidcClient;
import de.klammer.portal.authority.internal.AuthorityRepository;
import de.klammer.portal.shell.AuthoritySecrets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks up the participating authorities, their status and the CA and OIDC client settings of authorities onboarded in
 * the portal. Nothing is cached, because several portal instances share the database.
 */
@Service
@Transactional(readOnly = true)
public class AuthorityService {

    private final AuthorityRepository authorities;
    private final AuthorityLifecycleColumns lifecycle;
    private final AuthoritySecrets secrets;

    AuthorityService(AuthorityRepository authorities, AuthorityLifecycleColumns lifecycle, AuthoritySecrets secrets) {
        this.authorities = authorities;
        this.lifecycle = lifecycle;
        this.secrets = secrets;
    }

    /**
     * Returns every active authority, ordered by code. Authorities whose onboarding is still being decided and archived
     * ones are left out, so they neither vote nor count towards a quorum.
     */
    public List<Authority> findAll() {
        return authorities.findAllByStatusOrderByCodeAsc(AuthorityRepository.ACTIVE).stream()
                .map(AuthorityEntity::toAuthority)
                .toList();
    }

    /** Finds the authority whose OIDC provider has this issuer URL. */
    public Optional<Authority> findByIssuer(String issuer) {
        return authorities.findByOidcIssuer(issuer).map(AuthorityEntity::toAuthority);
    }

    /** Finds the authority with this Fabric MSP id. */
    public Optional<Authority> findByMspId(String mspId) {
        return authorities.findByMspId(mspId).map(AuthorityEntity::toAuthority);
    }

    /** Finds the authority with this database id. */
    public Optional<Authority> findById(UUID id) {
        return authorities.findById(id).map(AuthorityEntity::toAuthority);
    }

    /**
     * Returns the active authorities, ordered by code: those whose organisation is on the channel and whose board
     * members vote. Proposed and archived authorities are left out.
     */
    public List<Authority> findActive() {
        Set<UUID> active = new HashSet<>(lifecycle.idsWithStatus(AuthorityStatus.ACTIVE.databaseValue()));
        return findAll().stream().filter(authority -> active.contains(authority.id())).toList();
    }

    /**
     * Returns the status of the authority.
     *
     * @throws IllegalArgumentException when no authority has the id
     */
    public AuthorityStatus statusOf(UUID authorityId) {
        return lifecycle.status(authorityId)
                .map(AuthorityStatus::fromDatabaseValue)
                .orElseThrow(() -> new IllegalArgumentException("No authority with id " + authorityId));
    }

    /**
     * Finds the CA stored for the authority with this MSP ID, active or archived, with the registrar secret opened.
     * Empty for authorities whose CA comes from configuration and for proposed authorities.
     *
     * @throws IllegalStateException when the stored registrar secret does not open; the message names the fix
     */
    public Optional<OnboardedCa> findOnboardedCa(String mspId) {
        return lifecycle.ca(mspId)
                .filter(ca -> !ca.status().equals(AuthorityStatus.PROPOSED.databaseValue()))
                .map(this::opened);
    }

    /** Returns the MSP IDs of the active authorities whose CA is stored in the database, ordered by MSP ID. */
    public List<String> activeOnboardedCaMspIds() {
        return lifecycle.activeCas().stream().map(SealedCa::mspId).toList();
    }

    /**
     * Finds the OIDC client stored for the active authority with this code, with the client secret opened.
     *
     * @throws IllegalStateException when the stored client secret does not open; the message names the fix
     */
    public Optional<OnboardedOidcClient> findOidcClient(String code) {
        return lifecycle.oidcClient(code).map(this::opened);
    }

    /** Returns code and name of each active authority with a stored OIDC client, without opening the secrets. */
    public List<Authority> findWithOidcClient() {
        Set<String> codes = new HashSet<>(lifecycle.activeOidcClients().stream().map(SealedOidcClient::code).toList());
        return findAll().stream().filter(authority -> codes.contains(authority.code())).toList();
    }

    /**
     * Records the proposal that would offboard the authority, or clears it with {@code null} when that proposal
     * failed. Runs without a role check, for the offboarding service and its listeners.
     */
    @Transactional
    public void linkOffboardingProposal(UUID authorityId, @Nullable UUID proposalId) {
        if (lifecycle.linkOffboardingProposal(authorityId, proposalId) != 1) {
            throw new IllegalArgumentException("No authority with id " + authorityId);
        }
    }

    /**
     * Archives an active authority after its organisation left the channel: sets status {@code archived} and the
     * archive time. Runs without a role check, in the transaction that records the removal as applied.
     *
     * @return false when the authority was not active, for example because an earlier run archived it
     */
    @Transactional
    public boolean archive(UUID authorityId, UUID offboardingProposalId) {
        return lifecycle.archive(authorityId, offboardingProposalId) == 1;
    }

    private OnboardedCa opened(SealedCa ca) {
        return new OnboardedCa(
                ca.code(),
                ca.mspId(),
                AuthorityStatus.fromDatabaseValue(ca.status()),
                ca.url(),
                ca.caName(),
                ca.tlsRootPem(),
                ca.registrarId(),
                secrets.open(ca.code(), "ca_registrar_secret", ca.sealedRegistrarSecret()),
                ca.affiliation());
    }

    private OnboardedOidcClient opened(SealedOidcClient client) {
        return new OnboardedOidcClient(
                client.code(),
                client.name(),
                client.issuer(),
                client.clientId(),
                secrets.open(client.code(), "oidc_client_secret", client.sealedSecret()));
    }
}
