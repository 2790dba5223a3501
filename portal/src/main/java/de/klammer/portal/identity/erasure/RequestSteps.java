package de.klammer.portal.identity.erasure;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.identity.erasure.internal.DataSubjectRequest;
import de.klammer.portal.identity.erasure.internal.DataSubjectRequestRepository;
import de.klammer.portal.security.PortalUser;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Commits the steps of data subject requests, each in its own transaction with its audit event. */
@Component
class RequestSteps {

    private final DataSubjectRequestRepository requests;
    private final AuditService audit;
    private final TransactionTemplate transactions;

    RequestSteps(
            DataSubjectRequestRepository requests, AuditService audit, PlatformTransactionManager transactionManager) {
        this.requests = requests;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Runs the work on the locked request, moves it to the step and audits it, in one transaction. */
    void commit(
            UUID requestId, PortalUser user, ExecutionStep step, String details, Consumer<DataSubjectRequest> work) {
        inTransaction(() -> {
            DataSubjectRequest locked = requests.lockById(requestId).orElseThrow();
            work.accept(locked);
            locked.reach(step);
            audit(user, "request.step." + step.databaseValue().replace('_', '-'), locked, details);
            return locked;
        });
    }

    DataSubjectRequest reload(UUID requestId) {
        return inTransaction(() -> requests.findById(requestId).orElseThrow());
    }

    <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    void audit(PortalUser user, String action, DataSubjectRequest request, String details) {
        audit.record(new AuditEntry(DataSubjectRequestService.actor(user),
                DataSubjectRequestService.authority(user).code(), action, "data-subject-request", request.reference(),
                details));
    }
}
