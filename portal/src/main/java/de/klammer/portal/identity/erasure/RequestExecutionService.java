package de.klammer.portal.identity.erasure;

import de.klammer.portal.audit.AuditService;
import de.klammer.portal.identity.IdentityVaultService;
import de.klammer.portal.identity.erasure.internal.DataSubjectRequest;
import de.klammer.portal.identity.erasure.internal.DataSubjectRequestRepository;
import de.klammer.portal.identity.erasure.internal.RequestChannelUpdate;
import de.klammer.portal.identity.erasure.internal.RequestChannelUpdateRepository;
import de.klammer.portal.identity.erasure.internal.RequestRecipient;
import de.klammer.portal.identity.erasure.internal.RequestRecipientRepository;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.OrganizationView;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalUser;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Executes erasure and rectification requests as a sequence of committed steps ({@link ExecutionStep}), so that a
 * crash or a CA or orderer failure in between can be resumed by executing the request again. Calls to the CA and the
 * orderer run outside database transactions, and each step commits with its audit event.
 */
@Service
public class RequestExecutionService {

    private static final Logger log = LoggerFactory.getLogger(RequestExecutionService.class);

    private final DataSubjectRequestRepository requests;
    private final RequestChannelUpdateRepository channelUpdates;
    private final RequestRecipientRepository recipients;
    private final RequestReadModels readModels;
    private final LedgerGateway ledger;
    private final IdentityVaultService vault;
    private final CurrentUser currentUser;
    private final RequestSteps steps;
    private final CaRevocationSteps caSteps;
    private final ChannelCrlSteps channelSteps;

    RequestExecutionService(
            DataSubjectRequestRepository requests,
            RequestChannelUpdateRepository channelUpdates,
            RequestRecipientRepository recipients,
            RequestReadModels readModels,
            LedgerGateway ledger,
            IdentityVaultService vault,
            CurrentUser currentUser,
            RequestSteps steps,
            CaRevocationSteps caSteps,
            ChannelCrlSteps channelSteps) {
        this.requests = requests;
        this.channelUpdates = channelUpdates;
        this.recipients = recipients;
        this.readModels = readModels;
        this.ledger = ledger;
        this.vault = vault;
        this.currentUser = currentUser;
        this.steps = steps;
        this.caSteps = caSteps;
        this.channelSteps = channelSteps;
    }

    /**
     * Executes the request from its last committed step to the end. A correction returns the newly issued
     * certificate with its key, once; when it was issued in an earlier, interrupted run the result has none.
     *
     * @throws RequestExecutionException when a step fails; the failure is recorded and the request can be resumed
     * @throws IllegalStateException when the request is completed or retained
     */
    @PreAuthorize("hasRole('DPO')")
    public ExecutionResult execute(UUID requestId) {
        PortalUser user = currentUser.require();
        DataSubjectRequest request = steps.inTransaction(() -> start(requestId, user));
        IssuedCertificate issued = null;
        try {
            if (request.kind() == RequestKind.CORRECTION && request.step() == ExecutionStep.FILED) {
                issued = caSteps.correctIdentity(request, user);
            }
            request = steps.reload(requestId);
            if (request.step().compareTo(ExecutionStep.REVOKED_AT_CA) < 0) {
                caSteps.revokeAtCa(request, user);
            }
            request = steps.reload(requestId);
            if (request.step().compareTo(ExecutionStep.CRL_SUBMITTED) < 0) {
                channelSteps.submitCrl(request, user);
            }
            request = steps.reload(requestId);
            if (request.step().compareTo(ExecutionStep.CRL_CONFIRMED) < 0) {
                channelSteps.confirmCrl(request, user);
            }
            request = steps.reload(requestId);
            if (request.step().compareTo(ExecutionStep.REFUSAL_VERIFIED) < 0) {
                channelSteps.verifyRefusal(request, user);
            }
            request = steps.reload(requestId);
            if (request.kind() == RequestKind.ERASURE && request.step().compareTo(ExecutionStep.VAULT_DESTROYED) < 0) {
                destroyVaultEntry(request, user);
            }
            complete(requestId, user);
        } catch (RuntimeException e) {
            DataSubjectRequest failed = steps.reload(requestId);
            recordFailure(failed, user, e);
            throw new RequestExecutionException(failed.reference(), failed.step(), issued, e);
        }
        return new ExecutionResult(steps.inTransaction(() -> readModels.summary(steps.reload(requestId))), issued);
    }

    // NOTE: the DPO who filed a request may also execute it, because no four-eyes rule applies here. filedBy contains
    // the filer's own pseudonym, so such a rule would compare it with the executing DPO's.
    // NOTE: the row lock covers only this check, so two DPOs executing the same request at once run the steps twice.
    // The CA and channel steps skip what is done already, but the two runs can race on the same step.
    private DataSubjectRequest start(UUID requestId, PortalUser user) {
        DataSubjectRequest request = requests.lockById(requestId)
                .orElseThrow(() -> new IllegalArgumentException("No data subject request with id " + requestId));
        if (!request.mspId().equals(DataSubjectRequestService.authority(user).mspId())) {
            throw new AccessDeniedException("Request " + request.reference() + " belongs to " + request.mspId()
                    + "; only a DPO of that authority may execute it");
        }
        if (!request.status().isPending()) {
            throw new IllegalStateException("Request " + request.reference() + " is "
                    + request.status().databaseValue() + " and cannot be executed");
        }
        steps.audit(user, "request.execution-started", request, "from step " + request.step().databaseValue());
        return request;
    }

    private void destroyVaultEntry(DataSubjectRequest request, PortalUser user) {
        String details = "vault entry and data key destroyed";
        steps.commit(request.id(), user, ExecutionStep.VAULT_DESTROYED, details, locked -> {
            boolean destroyed = vault.destroy(locked.enrollmentId(), "erasure request " + locked.reference());
            if (!destroyed) {
                log.atInfo()
                        .addKeyValue("request", locked.reference())
                        .log("The vault held no record for {}", locked.enrollmentId());
            }
        });
    }

    /** Completes the request and records the other authorities on the channels as recipients to notify (Art. 19). */
    private void complete(UUID requestId, PortalUser user) {
        Set<String> others = new TreeSet<>();
        DataSubjectRequest request = steps.reload(requestId);
        List<RequestChannelUpdate> updates =
                steps.inTransaction(() -> channelUpdates.findByRequestIdOrderByChannelAsc(requestId));
        for (RequestChannelUpdate update : updates) {
            ledger.readChannel(update.channel()).organizations().stream()
                    .filter(organization -> organization.groupPath().startsWith("/Channel/Application/"))
                    .map(OrganizationView::mspId)
                    .filter(mspId -> !mspId.equals(request.mspId()))
                    .forEach(others::add);
        }
        steps.inTransaction(() -> {
            DataSubjectRequest locked = requests.lockById(requestId).orElseThrow();
            others.stream()
                    .filter(mspId -> !recipients.existsById(new RequestRecipient.Key(requestId, mspId)))
                    .forEach(mspId -> recipients.save(new RequestRecipient(requestId, mspId)));
            locked.complete();
            steps.audit(user, "request.completed", locked, "recipients to notify: " + others);
            return locked;
        });
        log.atInfo().addKeyValue("request", request.reference()).log("Completed data subject request");
    }

    private void recordFailure(DataSubjectRequest request, PortalUser user, RuntimeException error) {
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        steps.inTransaction(() -> {
            DataSubjectRequest locked = requests.lockById(request.id()).orElseThrow();
            locked.fail(message);
            steps.audit(user, "request.execution-failed", locked, "after step " + locked.step().databaseValue() + ": "
                    + AuditService.withoutEmailAddresses(message));
            return locked;
        });
        log.atWarn()
                .addKeyValue("request", request.reference())
                .addKeyValue("step", request.step().databaseValue())
                .log("Executing data subject request failed; it can be resumed: {}", message);
    }
}
