package de.klammer.identity;

/** The identity has already enrolled as often as its {@code max_enrollments} allows. */
public class EnrollmentLimitReachedException extends CaRequestFailedException {

    private final int maxEnrollments;

    public EnrollmentLimitReachedException(
            String caName, String enrollmentId, int httpStatus, int errorCode, String caMessage, int maxEnrollments) {
        super(
                caName,
                enrollmentId,
                "enroll",
                httpStatus,
                errorCode,
                caMessage,
                "Identity " + enrollmentId + " has used all " + maxEnrollments + " enrollment(s) that its"
                        + " max_enrollments allows at Fabric CA " + caName + " (error code " + errorCode + "). Renew"
                        + " its certificate"
                        + " with"
                        + " reenroll,"
                        + " or let a"
                        + " registrar"
                        + " raise"
                        + " max_enrollments"
                        + " by modifying"
                        + " the identity.");
        this.maxEnrollments = maxEnrollments;
    }

    public int maxEnrollments() {
        return maxEnrollments;
    }
}
