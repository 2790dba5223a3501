package de.klammer.portal.onboarding;

/**
 * Rejects the input of an onboarding step. The draft keeps what it had before.
 *
 * @see #field()
 */
public class OnboardingInputException extends RuntimeException {

    private final String field;

    /**
     * @param field the input field at fault, for example {@code oidc-issuer}; the wizard shows the message there
     * @param message what is wrong with which value and how to fix it
     */
    public OnboardingInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public OnboardingInputException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /** Returns the id of the input field at fault, for example {@code ca-url}. */
    public String field() {
        return field;
    }
}
