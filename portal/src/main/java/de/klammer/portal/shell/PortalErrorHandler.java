package de.klammer.portal.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles every error that a view did not handle itself: logs it with a random incident id and shows the user that
 * id, so that support can find the log entry without the user reading a stack trace.
 */
class PortalErrorHandler implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(PortalErrorHandler.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void error(ErrorEvent event) {
        String incidentId = newIncidentId();
        log.atError()
                .addKeyValue("incident", incidentId)
                .setCause(event.getThrowable())
                .log("Unexpected error in the user interface");

        UI ui = UI.getCurrent();
        if (ui != null) {
            Notification notification =
                    new Notification(ui.getTranslation("error.unexpected", incidentId), 10_000, Notification.Position.MIDDLE);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            notification.setId("incident-notification");
            notification.open();
        }
    }

    private static String newIncidentId() {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random).toUpperCase(Locale.ROOT);
    }
}
