package de.klammer.portal.identity.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Sealed person records by pseudonym. */
public interface PersonVaultRepository extends JpaRepository<PersonVaultEntry, String> {}
