package de.klammer.portal.authority.internal;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.shell.PortalProperties;
import de.klammer.portal.shell.PortalProperties.AuthorityProperties;
import java.util.List;
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
 * because proposals and approvals refer to them. Each insert or change writes an audit row, and an unchanged authority
 * writes none.
 */
@Component
class AuthorityConfigurationSync implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AuthorityConfigurationSync.class);
    private static final String ACTOR = "system:configuration";

    private static final String UPSERT = """
            insert into authority (id, code, name, msp_id, oidc_issuer)
            values (:id, :code, :name, :mspId, :issuer)
            on conflict (code) do update
            set name = excluded.name, msp_id = excluded.msp_id, oidc_issuer = excluded.oidc_issuer
            """;

    private final PortalProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditService audit;

    AuthorityConfigurationSync(
            PortalProperties properties, JdbcClient jdbc, TransactionTemplate transactions, AuditService audit) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
    }

    @Override
    public void afterPropertiesSet() {
        transactions.executeWithoutResult(status -> properties.authorities().forEach(this::upsert));
    }

    private void upsert(AuthorityProperties authority) {
        String configured = describe(authority.name(), authority.mspId(), authority.issuer());
        List<String> stored = jdbc.sql("select name, msp_id, oidc_issuer from authority where code = ?")
                .param(authority.code())
                .query((row, rowNumber) -> describe(row.getString(1), row.getString(2), row.getString(3)))
                .list();
        if (stored.contains(configured)) {
            return;
        }

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
        audit.record(new AuditEntry(
                ACTOR,
                authority.code(),
                stored.isEmpty() ? "authority.registered" : "authority.updated",
                "authority",
                authority.code(),
                stored.isEmpty() ? "from configuration: " + configured : stored.getFirst() + " replaced by " + configured));
    }

    private static String describe(String name, String mspId, String issuer) {
        return "name " + name + ", MSP " + mspId + ", OIDC issuer " + issuer;
    }
}
