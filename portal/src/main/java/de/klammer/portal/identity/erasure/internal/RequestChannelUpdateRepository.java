package de.klammer.portal.identity.erasure.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** CRL updates of requests, per channel. */
public interface RequestChannelUpdateRepository extends JpaRepository<RequestChannelUpdate, UUID> {

    List<RequestChannelUpdate> findByRequestIdOrderByChannelAsc(UUID requestId);
}
