package de.klammer.portal.identity;

/** A rule of the enrolment request was broken, for example a requester approving their own request. */
public class EnrollmentRuleViolationException extends RuntimeException {

    private final String enrollmentId;

    public EnrollmentRuleViolationException(String enrollmentId, String message) {
        super(message);
        this.enrollmentId = enrollmentId;
    }

    /** Returns the pseudonymous enrolment ID of the request. */
    public String enrollmentId() {
        return enrollmentId;
    }
}
