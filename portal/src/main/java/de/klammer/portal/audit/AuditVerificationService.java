package de.klammer.portal.audit;

import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.UserPseudonyms;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the audit trail for auditors and data protection officers, and records each verification and its result
 * in the trail itself.
 */
@Service
public class AuditVerificationService {

    private static final Logger log = LoggerFactory.getLogger(AuditVerificationService.class);

    private final AuditTrailVerifier verifier;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final TransactionTemplate transactions;

    AuditVerificationService(
            DataSource dataSource, AuditService audit, CurrentUser currentUser, TransactionTemplate transactions) {
        this.verifier = new AuditTrailVerifier(dataSource);
        this.audit = audit;
        this.currentUser = currentUser;
        this.transactions = transactions;
    }

    /**
     * Verifies the whole hash chain and records the result.
     *
     * @throws AuditTrailUnreadableException when the database cannot be read
     */
    @PreAuthorize("hasAnyRole('AUDITOR', 'DPO')")
    public ChainVerification verify(VerificationProgress progress) {
        PortalUser user = currentUser.require();
        ChainVerification result;
        try {
            result = verifier.verify(progress);
        } catch (SQLException e) {
            throw new AuditTrailUnreadableException(e);
        }

        ChainBreak broken = result.firstBreak();
        String details = broken == null
                ? "intact: " + result.verifiedRows() + " rows up to head hash " + result.headHash()
                : "broken at row " + broken.sequence() + " (" + broken.kind() + "); " + result.verifiedRows()
                        + " rows before it intact";
        transactions.executeWithoutResult(status -> audit.record(new AuditEntry(
                UserPseudonyms.of(user),
                user.authority() == null ? null : user.authority().code(),
                "audit-trail.verified",
                "audit-trail",
                "audit_event",
                details)));
        if (broken != null) {
            log.atError()
                    .addKeyValue("sequence", broken.sequence())
                    .addKeyValue("kind", broken.kind())
                    .log("Audit trail verification found a broken row: {}", broken.description());
        } else {
            log.atInfo().addKeyValue("rows", result.verifiedRows()).log("Verified audit trail");
        }
        return result;
    }
}
