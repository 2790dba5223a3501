package de.klammer.portal.faults;

import de.klammer.portal.PortalApplication;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.PreparedUpdate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;

/**
 * Main class of a portal process that stops at one step of one ledger submission, so that a test can kill it there.
 * The step is a call of the ledger port by the submitter. On reaching it, the process writes a marker file and blocks
 * until it is killed. System properties: {@code klammer.crash.step} (one of {@link Step}), {@code klammer.crash.update}
 * (SHA-256 of the config update to stop at) and {@code klammer.crash.marker} (the marker file). Without a step the
 * portal runs normally.
 */
public final class CrashingPortal {

    /** Where the submitter stops, named after the ledger change's progress at that point. */
    public enum Step {
        /** Approved and queued; the submitter is about to check the update for staleness. */
        AFTER_APPROVAL,
        /** Signatures complete and the submission marked as sending; the broadcast is about to start. */
        AFTER_SIGNING,
        /** The orderer accepted the broadcast; the portal has not recorded it yet. */
        AFTER_SUBMIT,
        /** The broadcast is recorded; the portal is about to wait for the config block. */
        BEFORE_CONFIRMATION
    }

    private CrashingPortal() {}

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(PortalApplication.class);
        String step = System.getProperty("klammer.crash.step", "");
        if (!step.isEmpty()) {
            Step crashStep = Step.valueOf(step);
            String update = System.getProperty("klammer.crash.update");
            Path marker = Path.of(System.getProperty("klammer.crash.marker"));
            application.addInitializers(context -> context.getBeanFactory()
                    .addBeanPostProcessor(new CrashPoint(crashStep, update, marker)));
        }
        application.run(args);
    }

    /** Wraps the ledger port so that the chosen call for the chosen update blocks the process. */
    private record CrashPoint(Step step, String updateSha256, Path marker) implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (!(bean instanceof LedgerGateway ledger)) {
                return bean;
            }
            InvocationHandler handler = (proxy, method, arguments) -> {
                Step before = switch (method.getName()) {
                    case "isStale" -> Step.AFTER_APPROVAL;
                    case "submit" -> Step.AFTER_SIGNING;
                    case "awaitApplied" -> Step.BEFORE_CONFIRMATION;
                    default -> null;
                };
                if (before == step && concernsUpdate(arguments)) {
                    blockUntilKilled();
                }
                Object result;
                try {
                    result = method.invoke(ledger, arguments);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (step == Step.AFTER_SUBMIT && method.getName().equals("submit") && concernsUpdate(arguments)) {
                    blockUntilKilled();
                }
                return result;
            };
            return Proxy.newProxyInstance(
                    LedgerGateway.class.getClassLoader(), new Class<?>[] {LedgerGateway.class}, handler);
        }

        private boolean concernsUpdate(Object[] arguments) {
            return arguments != null
                    && arguments.length > 0
                    && arguments[0] instanceof PreparedUpdate update
                    && update.sha256().equals(updateSha256);
        }

        private void blockUntilKilled() throws InterruptedException {
            try {
                Path written = Files.writeString(marker.resolveSibling(marker.getFileName() + ".tmp"), step.name());
                Files.move(written, marker, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
