package de.klammer.portal.audit;

import de.klammer.portal.shell.EmbeddedDatabaseConfiguration;
import de.klammer.portal.shell.PortalProperties;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Verifies the audit trail's hash chain from the command line, with the portal's own datasource settings: an external
 * PostgreSQL through {@code spring.datasource.*} (from {@code --jdbc-url}, the environment or a profile's
 * configuration), or else the demo's embedded PostgreSQL in {@code klammer.portal.embedded-db.data-dir}. It starts
 * only the datasource, never the portal, and changes nothing in the database.
 *
 * <p>Exit status: 0 when the chain holds, 1 when it is broken, 2 when the arguments are invalid or the database
 * cannot be read.
 */
public final class AuditVerifierCommand {

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int FAILED = 2;

    private static final String USAGE = """
            Usage: audit-verify [--jdbc-url URL] [--username NAME] [--password PASSWORD] [--data-dir DIR]
                                [--spring.profiles.active=PROFILE] [--<spring property>=VALUE ...]
              --jdbc-url   JDBC URL of the portal's PostgreSQL (sets spring.datasource.url)
              --username   database user (sets spring.datasource.username)
              --password   database password (sets spring.datasource.password)
              --data-dir   data directory of the demo's embedded PostgreSQL, used when no JDBC URL is set
                           (default .run/portal-db); stop the demo portal first, or pass its --jdbc-url
            """;

    private AuditVerifierCommand() {}

    public static void main(String[] args) {
        // The verifier's report is its output, not logging, so it goes to standard output.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.exit(run(args, out));
    }

    /** Runs the verifier with the arguments, writes the report to {@code out} and returns the exit status. */
    static int run(String[] args, PrintStream out) {
        List<String> springArguments;
        try {
            springArguments = toSpringArguments(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.print(USAGE);
            return FAILED;
        }

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        ExternalDatabase.class, EmbeddedDatabase.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(defaultProperties())
                .run(springArguments.toArray(String[]::new))) {
            ChainVerification result = new AuditTrailVerifier(context.getBean(DataSource.class))
                    .verify((verified, total) -> out.println("verified " + verified + " of " + total + " rows"));
            report(result, out);
            return result.intact() ? INTACT : BROKEN;
        } catch (SQLException e) {
            out.println(isConnectionFailure(e)
                    ? "Opening the database failed: " + e.getMessage() + "; check --jdbc-url, --username and --password"
                    : "Reading the audit trail failed: " + e.getMessage()
                            + "; check that the portal has migrated this database to the hash-chained audit trail");
            return FAILED;
        } catch (RuntimeException e) {
            out.println("Opening the database failed: " + rootMessage(e)
                    + "; check --jdbc-url, --username and --password, or stop the demo portal that uses --data-dir");
            return FAILED;
        }
    }

    private static void report(ChainVerification result, PrintStream out) {
        out.println("chain head: row " + result.headSequence() + ", hash " + result.headHash());
        ChainBreak broken = result.firstBreak();
        if (broken == null) {
            out.println("INTACT: all " + result.verifiedRows() + " rows of the audit trail are unchanged");
            return;
        }
        out.println("BROKEN at row " + broken.sequence()
                + (broken.rowId() == null ? "" : " (id " + broken.rowId() + ")") + ": " + broken.kind());
        out.println(broken.description());
        out.println(result.verifiedRows() + " rows before it are intact");
    }

    private static List<String> toSpringArguments(String[] args) {
        Map<String, String> options = Map.of(
                "--jdbc-url", "spring.datasource.url",
                "--username", "spring.datasource.username",
                "--password", "spring.datasource.password",
                "--data-dir", "klammer.portal.embedded-db.data-dir");
        List<String> springArguments = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            String property = options.get(argument);
            if (property != null) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("Option " + argument + " needs a value");
                }
                springArguments.add("--" + property + "=" + args[++i]);
            } else if (argument.startsWith("--") && argument.contains("=")) {
                springArguments.add(argument);
            } else {
                throw new IllegalArgumentException("Unknown argument: " + argument);
            }
        }
        return springArguments;
    }

    private static Map<String, Object> defaultProperties() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("spring.profiles.default", "demo");
        defaults.put("klammer.portal.embedded-db.data-dir", ".run/portal-db");
        defaults.put("klammer.portal.demo-idp.enabled", "false");
        defaults.put("logging.level.root", "warn");
        return defaults;
    }

    /** Returns whether the error is of SQL state class 08, connection exception. */
    private static boolean isConnectionFailure(SQLException error) {
        return error.getSQLState() != null && error.getSQLState().startsWith("08");
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    // The two sources carry no @Configuration, so that the portal's component scan leaves them out.

    /** A PostgreSQL server named by {@code spring.datasource.url}. */
    @ConditionalOnExpression("!'${spring.datasource.url:}'.isBlank()")
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    static class ExternalDatabase {}

    /** The demo's embedded PostgreSQL, started on its data directory, when no URL is set. */
    @ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
    @EnableConfigurationProperties(PortalProperties.class)
    @Import(EmbeddedDatabaseConfiguration.class)
    static class EmbeddedDatabase {}
}
