package de.klammer.portal.authority.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Access to the {@code authority} table. */
public interface AuthorityRepository extends JpaRepository<AuthorityEntity, UUID> {

    /** Status of an authority that takes part in the consortium; see V070 for the others. */
    String ACTIVE = "active";

    List<AuthorityEntity> findAllByStatusOrderByCodeAsc(String status);

    Optional<AuthorityEntity> findByOidcIssuer(String oidcIssuer);

    Optional<AuthorityEntity> findByMspId(String mspId);
}
