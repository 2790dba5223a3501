package de.klammer.portal.notification.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Access to the {@code notification_address} table. */
public interface StoredAddressRepository extends JpaRepository<StoredAddress, UUID> {}
