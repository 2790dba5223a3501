package de.klammer.portal.notification;

/**
 * The e-mail address and language a board member chose for notification e-mail.
 *
 * @param address e-mail address; personal data, shown only to its owner and never logged
 * @param language {@code de} or {@code en}, the language of the e-mail
 */
public record NotificationAddress(String address, String language) {

    /** Returns the address without the e-mail address, for logs and debugging. */
    @Override
    public String toString() {
        return "NotificationAddress[language=" + language + "]";
    }
}
