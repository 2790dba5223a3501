package de.klammer.portal.identity.erasure.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Recipients to notify of a request's outcome. */
public interface RequestRecipientRepository extends JpaRepository<RequestRecipient, RequestRecipient.Key> {

    List<RequestRecipient> findByKeyRequestIdOrderByKeyMspIdAsc(UUID requestId);
}
