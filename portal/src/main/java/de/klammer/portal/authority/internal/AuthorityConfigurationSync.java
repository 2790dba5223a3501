package de.klammer.portal.authority.internal;

import de.klammer.portal.shell.PortalProperties;
import de.klammer.portal.shell.PortalProperties.AuthorityProperties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the configured authorities into the {@code authority} table when the portal starts: inserts new codes and
 * updates name, MSP id and issuer of existing ones. Authorities removed from the configuration stay in the table,
 * because proposals and approvals refer to them.
 */
@Component
class AuthorityConfigurationSync implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AuthorityConfigurationSync.class);

    private static final String UPSERT = """
            insert into authority (id, code, name, msp_id, oidc_issuer)
            values (:id, :code, :name, :mspId, :issuer)
            on conflict (code) do update
            set name = excluded.name, msp_id = excluded.msp_id, oidc_issuer = excluded.oidc_issuer
            """;

    private final PortalProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    AuthorityConfigurationSync(PortalProperties properties, JdbcClient jdbc, TransactionTemplate transactions) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void afterPropertiesSet() {
        transactions.executeWithoutResult(status -> properties.authorities().forEach(this::upsert));
    }

    private void upsert(AuthorityProperties authority) {
        jdbc.sql(UPSERT)
                .param("id", UUID.randomUUID())
                .param("code", authority.code())
                .param("name", authority.name())
                .param("mspId", authority.mspId())
                .param("issuer", authority.issuer())
                .update();
        log.atInfo()
                .addKeyValue("authority", authority.code())
                .addKeyValue("mspId", authority.mspId())
                .addKeyValue("issuer", authority.issuer())
                .log("Synced authority from configuration");
    }
}
