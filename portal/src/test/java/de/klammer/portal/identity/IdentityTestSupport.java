package de.klammer.portal.identity;

import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Users and network settings for the enrolment tests. */
public final class IdentityTestSupport {

    private IdentityTestSupport() {}

    /** Returns a user whose display name replaces a distinct OIDC subject, so two users get two pseudonyms. */
    public static PortalUser user(TestUsers users, String authorityCode, String subjectStandIn, PortalRole... roles) {
        PortalUser base = users.user(authorityCode, roles);
        return new PortalUser(base.issuer(), base.authority(), base.roles(), null, subjectStandIn);
    }

    /** Loads the network descriptor named by {@code -Dklammer.network.descriptor}. */
    public static Properties network() {
        String location = System.getProperty("klammer.network.descriptor");
        if (location == null || location.isBlank()) {
            throw new IllegalStateException("No running Fabric network: set -Dklammer.network.descriptor or run the"
                    + " tests with ./klammer test");
        }
        Properties network = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(location))) {
            network.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the network descriptor " + location, e);
        }
        return network;
    }
}
