package de.klammer.portal.authority;

import de.klammer.portal.authority.internal.AuthorityEntity;
import de.klammer.portal.authority.internal.AuthorityRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up the participating authorities. */
@Service
@Transactional(readOnly = true)
public class AuthorityService {

    private final AuthorityRepository authorities;

    AuthorityService(AuthorityRepository authorities) {
        this.authorities = authorities;
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
}
