package de.klammer.portal.authority.internal;

import de.klammer.portal.authority.Authority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the {@code authority} table. */
@Entity
@Table(name = "authority")
public class AuthorityEntity {

    @Id
    private UUID id = new UUID(0, 0);

    @Column(nullable = false, unique = true)
    private String code = "";

    @Column(nullable = false)
    private String name = "";

    @Column(name = "msp_id", nullable = false, unique = true)
    private String mspId = "";

    @Column(name = "oidc_issuer", nullable = false, unique = true)
    private String oidcIssuer = "";

    @Column(nullable = false, insertable = false, updatable = false)
    private String status = AuthorityRepository.ACTIVE;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.EPOCH;

    protected AuthorityEntity() {}

    public Authority toAuthority() {
        return new Authority(id, code, name, mspId, oidcIssuer);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
