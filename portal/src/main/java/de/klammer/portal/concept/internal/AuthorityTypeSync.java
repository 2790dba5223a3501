package de.klammer.portal.concept.internal;

import de.klammer.portal.concept.ConceptProperties;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives unclassified authorities their configured type once every singleton, and with it the authority sync from
 * configuration, has started.
 */
@Component
class AuthorityTypeSync implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AuthorityTypeSync.class);

    private final ConceptProperties properties;
    private final JdbcClient jdbc;

    AuthorityTypeSync(ConceptProperties properties, JdbcClient jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Map.Entry<String, String> entry : properties.authorityTypes().entrySet()) {
            int updated = jdbc.sql("update authority set authority_type = ? where code = ?"
                            + " and authority_type = 'unclassified'")
                    .params(entry.getValue(), entry.getKey())
                    .update();
            if (updated > 0) {
                log.atInfo()
                        .addKeyValue("authority", entry.getKey())
                        .log("Set type of authority {} to {}", entry.getKey(), entry.getValue());
            }
        }
    }
}
