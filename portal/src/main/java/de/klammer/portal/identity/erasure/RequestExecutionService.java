package de.klammer.portal.identity.erasure;

import de.klammer.identity.CertificateQuery;
import de.klammer.identity.EnrollmentSecrets;
import de.klammer.identity.FabricCaClient;
import de.klammer.identity.KeyStoreEnrollment;
import de.klammer.identity.PersonRecord;
import de.klammer.identity.PersonalDataFinding;
import de.klammer.identity.PersonalDataFoundException;
import de.klammer.identity.PersonalDataGuard;
import de.klammer.identity.RevocationReason;
import de.klammer.identity.RevocationTarget;
import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.identity.CertificateAuthorities;
import de.klammer.portal.identity.CertificateRevoked;
import de.klammer.portal.identity.IdentityRevoked;
import de.klammer.portal.identity.IdentityVaultService;
import de.klammer.portal.identity.erasure.internal.DataSubjectRequest;
import de.klammer.portal.identity.erasure.internal.DataSubjectRequestRepository;
import de.klammer.portal.identity.erasure.internal.RequestChannelUpdate;
import de.klammer.portal.identity.erasure.internal.RequestChannelUpdateRepository;
import de.klammer.portal.identity.erasure.internal.RequestRecipient;
import de.klammer.portal.identity.erasure.internal.RequestRecipientRepository;
import de.klammer.portal.ledger.AppliedUpdate;
import de.klammer.portal.ledger.AuthoritySignature;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.MspChange;
import de.klammer.portal.ledger.OrganizationView;
import de.klammer.portal.ledger.PreparedUpdate;
import de.klammer.portal.ledger.SignatureCheck;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.shell.PortalProperties;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final CertificateAuthorities certificateAuthorities;
    private final LedgerGateway ledger;
    private final IdentityVaultService vault;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final ErasureProperties properties;
    private final String portalChannel;
    private final TransactionTemplate transactions;

    RequestExecutionService(
            DataSubjectRequestRepository requests,
            RequestChannelUpdateRepository channelUpdates,
            RequestRecipientRepository recipients,
            RequestReadModels readModels,
            CertificateAuthorities certificateAuthorities,
            LedgerGateway ledger,
            IdentityVaultService vault,
            AuditService audit,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            ErasureProperties properties,
            PortalProperties portalProperties,
            PlatformTransactionManager transactionManager) {
        this.requests = requests;
        this.channelUpdates = channelUpdates;
        this.recipients = recipients;
        this.readModels = readModels;
        this.certificateAuthorities = certificateAuthorities;
        this.ledger = ledger;
        this.vault = vault;
        this.audit = audit;
        this.currentUser = currentUser;
        this.events = events;
        this.properties = properties;
        this.portalChannel = portalProperties.channel();
        this.transactions = new TransactionTemplate(transactionManager);
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
        DataSubjectRequest request = inTransaction(() -> start(requestId, user));
        IssuedCertificate issued = null;
        try {
            if (request.kind() == RequestKind.CORRECTION && request.step() == ExecutionStep.FILED) {
                issued = correctIdentity(request, user);
            }
            request = reload(requestId);
            if (request.step().compareTo(ExecutionStep.REVOKED_AT_CA) < 0) {
                revokeAtCa(request, user);
            }
            request = reload(requestId);
            if (request.step().compareTo(ExecutionStep.CRL_SUBMITTED) < 0) {
                submitCrl(request, user);
            }
            request = reload(requestId);
            if (request.step().compareTo(ExecutionStep.CRL_CONFIRMED) < 0) {
                confirmCrl(request, user);
            }
            request = reload(requestId);
            if (request.step().compareTo(ExecutionStep.REFUSAL_VERIFIED) < 0) {
                verifyRefusal(request, user);
            }
            request = reload(requestId);
            if (request.kind() == RequestKind.ERASURE && request.step().compareTo(ExecutionStep.VAULT_DESTROYED) < 0) {
                destroyVaultEntry(request, user);
            }
            complete(requestId, user);
        } catch (RuntimeException e) {
            DataSubjectRequest failed = reload(requestId);
            recordFailure(failed, user, e);
            throw new RequestExecutionException(failed.reference(), failed.step(), issued, e);
        }
        return new ExecutionResult(inTransaction(() -> readModels.summary(reload(requestId))), issued);
    }

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
        audit(user, "request.execution-started", request, "from step " + request.step().databaseValue());
        return request;
    }

    /** Modifies the CA identity, then enrols a certificate that carries the corrected attributes. */
    private IssuedCertificate correctIdentity(DataSubjectRequest request, PortalUser user) {
        String stored = request.correctedAttributes();
        if (stored == null) {
            throw new IllegalStateException("Correction request " + request.reference() + " has no attribute changes");
        }
        rejectPersonalData(request, stored);
        FabricCaClient client = certificateAuthorities.client(request.mspId());
        String secret = EnrollmentSecrets.random();
        client.identities().modify(request.enrollmentId(), CorrectedAttributes.toUpdate(stored).withSecret(secret));
        String password = EnrollmentSecrets.random();
        KeyStoreEnrollment enrollment =
                client.enrollWithGeneratedKey(request.enrollmentId(), secret, List.of(), password.toCharArray());
        String serial = enrollment.certificate().getSerialNumber().toString(16);
        commitStep(request.id(), user, ExecutionStep.IDENTITY_CORRECTED, "attributes corrected at the CA; new"
                + " certificate " + serial, locked -> locked.recordNewSerial(serial));
        return new IssuedCertificate(serial, enrollment.pkcs12(), password);
    }

    /** Checks the corrected attributes against the person's vault record, when there is one. */
    private void rejectPersonalData(DataSubjectRequest request, String stored) {
        if (!vault.contains(request.enrollmentId())) {
            return;
        }
        PersonRecord person = vault.resolve(request.enrollmentId(),
                "check the corrected attributes of request " + request.reference() + " for personal data");
        List<PersonalDataFinding> findings =
                new PersonalDataGuard().inspectAttributes(CorrectedAttributes.attributes(stored), person);
        if (!findings.isEmpty()) {
            throw new PersonalDataFoundException(request.enrollmentId(), "correction", findings);
        }
    }

    /**
     * Revokes at the CA. An erasure revokes the whole identity, which also blocks further enrolment. A correction
     * revokes every certificate but the new one, with reason superseded. Certificates revoked in an interrupted run
     * are not revoked again.
     */
    private void revokeAtCa(DataSubjectRequest request, PortalUser user) {
        FabricCaClient client = certificateAuthorities.client(request.mspId());
        String newSerial = request.newSerial();
        List<X509Certificate> old = client.identities().listCertificates(
                CertificateQuery.forIdentity(request.enrollmentId())).stream()
                .filter(certificate -> !certificate.getSerialNumber().toString(16).equals(newSerial))
                .toList();
        Set<String> active = new TreeSet<>();
        client.identities()
                .listCertificates(CertificateQuery.forIdentity(request.enrollmentId()).onlyNotRevoked())
                .forEach(certificate -> active.add(certificate.getSerialNumber().toString(16)));
        if (newSerial != null) {
            active.remove(newSerial);
        }

        List<Object> revokedEvents = new ArrayList<>();
        if (request.kind() == RequestKind.ERASURE) {
            String reason = "erasure request " + request.reference();
            if (!active.isEmpty()) {
                client.revoke(new RevocationTarget.Identity(request.enrollmentId()),
                        RevocationReason.PRIVILEGE_WITHDRAWN, false);
            }
            revokedEvents.add(new IdentityRevoked(request.mspId(), request.enrollmentId(), reason));
        } else {
            for (X509Certificate certificate : old) {
                String serial = certificate.getSerialNumber().toString(16);
                if (active.contains(serial)) {
                    client.revoke(RevocationTarget.Certificate.of(certificate), RevocationReason.SUPERSEDED, false);
                }
                revokedEvents.add(new CertificateRevoked(request.mspId(), serial,
                        "superseded by correction request " + request.reference()));
            }
        }
        List<String> serials = old.stream().map(c -> c.getSerialNumber().toString(16)).toList();
        List<String> fingerprints = old.stream().map(RequestExecutionService::sha256).toList();
        commitStep(request.id(), user, ExecutionStep.REVOKED_AT_CA, "revoked at CA: certificates " + serials,
                locked -> {
                    locked.recordRevoked(serials, fingerprints);
                    revokedEvents.forEach(events::publishEvent);
                });
        log.atInfo()
                .addKeyValue("request", request.reference())
                .addKeyValue("msp", request.mspId())
                .log("Revoked {} certificate(s) of identity {} at the CA", serials.size(), request.enrollmentId());
    }

    /**
     * Puts the CA's current CRL into the organisation's MSP definition on every channel where it is a member, and
     * removes revoked certificates from the MSP's explicit admins in the same update. The MSP value's mod_policy is
     * the organisation's Admins, so its own admin signature suffices. Before broadcasting again, an earlier update is
     * looked for on the channel, so a crash after broadcasting sends nothing twice.
     */
    private void submitCrl(DataSubjectRequest request, PortalUser user) {
        List<String> done = new ArrayList<>();
        for (String channel : channels()) {
            Optional<RequestChannelUpdate> existing = inTransaction(() ->
                    channelUpdates.findByRequestIdOrderByChannelAsc(request.id()).stream()
                            .filter(update -> update.channel().equals(channel))
                            .findFirst());
            if (existing.isEmpty() && !isMember(channel, request.mspId())) {
                continue;
            }
            if (existing.isPresent() && existing.get().state() != RequestChannelUpdate.State.PREPARED) {
                done.add(channel);
                continue;
            }
            // An update broadcast before a crash may be applied already; that moved its read set, so look first.
            Optional<AppliedUpdate> applied = existing.flatMap(row -> ledger.findApplied(prepared(row, request)));
            RequestChannelUpdate update = existing.isPresent()
                            && (applied.isPresent() || !ledger.isStale(prepared(existing.get(), request)))
                    ? existing.get()
                    : prepareChannelUpdate(request, channel, existing.orElse(null));
            String txId = applied.isPresent()
                    ? "already applied"
                    : ledger.submit(prepared(update, request), List.of(signature(update, request)));
            inTransaction(() -> {
                RequestChannelUpdate row = channelUpdates.findById(update.id()).orElseThrow();
                row.submitted(txId);
                applied.ifPresent(block -> row.applied(block.blockNumber()));
                return row;
            });
            done.add(channel);
            log.atInfo()
                    .addKeyValue("request", request.reference())
                    .addKeyValue("channel", channel)
                    .log("Submitted CRL update of {} to channel {}", request.mspId(), channel);
        }
        if (done.isEmpty()) {
            throw new IllegalStateException("Organisation " + request.mspId() + " is a member of none of the channels "
                    + channels() + ", so no CRL can be put on a channel");
        }
        commitStep(request.id(), user, ExecutionStep.CRL_SUBMITTED, "CRL update submitted on " + done, locked -> {});
    }

    private RequestChannelUpdate prepareChannelUpdate(
            DataSubjectRequest request, String channel, @Nullable RequestChannelUpdate stale) {
        String crlPem = pem(certificateAuthorities.client(request.mspId()).generateCrl());
        PreparedUpdate update =
                ledger.prepareMspChange(channel, new MspChange(request.mspId(), crlPem, request.revokedSha256()));
        AuthoritySignature signature = ledger.sign(request.mspId(), update);
        SignatureCheck check = ledger.evaluate(update, List.of(signature));
        if (!check.satisfied()) {
            throw new IllegalStateException("The admin signature of " + request.mspId()
                    + " does not satisfy the CRL update on channel " + channel + ": " + String.join("; ", check.missing()));
        }
        return inTransaction(() -> {
            if (stale == null) {
                return channelUpdates.save(new RequestChannelUpdate(request.id(), channel, crlPem, update.configUpdate(),
                        update.sha256(), update.baseSequence(), signature.configSignature()));
            }
            RequestChannelUpdate row = channelUpdates.findById(stale.id()).orElseThrow();
            row.replace(crlPem, update.configUpdate(), update.sha256(), update.baseSequence(), signature.configSignature());
            return row;
        });
    }

    /** Waits for the config block of each channel's CRL update and records its number. */
    private void confirmCrl(DataSubjectRequest request, PortalUser user) {
        List<String> blocks = new ArrayList<>();
        for (RequestChannelUpdate update : inTransaction(() -> channelUpdates.findByRequestIdOrderByChannelAsc(request.id()))) {
            long block;
            if (update.state() == RequestChannelUpdate.State.APPLIED && update.blockNumber() != null) {
                block = update.blockNumber();
            } else {
                AppliedUpdate applied = ledger.awaitApplied(prepared(update, request), properties.awaitTimeout())
                        .orElseThrow(() -> new IllegalStateException("The CRL update on channel " + update.channel()
                                + " was not applied within " + properties.awaitTimeout()));
                block = applied.blockNumber();
                inTransaction(() -> {
                    channelUpdates.findById(update.id()).orElseThrow().applied(applied.blockNumber());
                    return null;
                });
            }
            blocks.add(update.channel() + " block " + block);
        }
        commitStep(request.id(), user, ExecutionStep.CRL_CONFIRMED, "CRL on channel since " + blocks, locked -> {});
    }

    /**
     * Checks each revoked certificate against each channel's live MSP definition, with Fabric's validation rules as
     * ledger-admin implements them, and a corrected identity's new certificate too.
     */
    private void verifyRefusal(DataSubjectRequest request, PortalUser user) {
        // NOTE: the portal has no key of the revoked identity, so it cannot send a Deliver or Broadcast as that
        // identity. It validates the certificate against the channel's MSP and CRLs as the orderer does.
        List<X509Certificate> certificates = certificateAuthorities.client(request.mspId()).identities()
                .listCertificates(CertificateQuery.forIdentity(request.enrollmentId()));
        List<String> results = new ArrayList<>();
        for (RequestChannelUpdate update : inTransaction(() -> channelUpdates.findByRequestIdOrderByChannelAsc(request.id()))) {
            List<String> lines = new ArrayList<>();
            for (X509Certificate certificate : certificates) {
                String serial = certificate.getSerialNumber().toString(16);
                Optional<String> rejection = ledger.validateIdentity(update.channel(), request.mspId(), pem(certificate));
                if (request.revokedSerials().contains(serial)) {
                    String reason = rejection.orElseThrow(() -> new IllegalStateException("Channel "
                            + update.channel() + " still accepts the revoked certificate " + serial + " of "
                            + request.enrollmentId()));
                    lines.add("certificate " + serial + " revoked at CA, CRL on channel since block "
                            + update.blockNumber() + ", rejected: " + reason);
                } else if (serial.equals(request.newSerial())) {
                    if (rejection.isPresent()) {
                        throw new IllegalStateException("Channel " + update.channel()
                                + " rejects the corrected certificate " + serial + ": " + rejection.get());
                    }
                    lines.add("new certificate " + serial + " accepted");
                }
            }
            String result = String.join("; ", lines);
            inTransaction(() -> {
                channelUpdates.findById(update.id()).orElseThrow().refusalChecked(result);
                return null;
            });
            results.add(update.channel() + ": " + result);
        }
        commitStep(request.id(), user, ExecutionStep.REFUSAL_VERIFIED, String.join(" | ", results), locked -> {});
    }

    private void destroyVaultEntry(DataSubjectRequest request, PortalUser user) {
        commitStep(request.id(), user, ExecutionStep.VAULT_DESTROYED, "vault entry and data key destroyed", locked -> {
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
        DataSubjectRequest request = reload(requestId);
        for (RequestChannelUpdate update : inTransaction(() -> channelUpdates.findByRequestIdOrderByChannelAsc(requestId))) {
            ledger.readChannel(update.channel()).organizations().stream()
                    .filter(organization -> organization.groupPath().startsWith("/Channel/Application/"))
                    .map(OrganizationView::mspId)
                    .filter(mspId -> !mspId.equals(request.mspId()))
                    .forEach(others::add);
        }
        inTransaction(() -> {
            DataSubjectRequest locked = requests.lockById(requestId).orElseThrow();
            others.stream()
                    .filter(mspId -> !recipients.existsById(new RequestRecipient.Key(requestId, mspId)))
                    .forEach(mspId -> recipients.save(new RequestRecipient(requestId, mspId)));
            locked.complete();
            audit(user, "request.completed", locked, "recipients to notify: " + others);
            return locked;
        });
        log.atInfo().addKeyValue("request", request.reference()).log("Completed data subject request");
    }

    private void recordFailure(DataSubjectRequest request, PortalUser user, RuntimeException error) {
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        inTransaction(() -> {
            DataSubjectRequest locked = requests.lockById(request.id()).orElseThrow();
            locked.fail(message);
            audit(user, "request.execution-failed", locked, "after step " + locked.step().databaseValue() + ": "
                    + AuditService.withoutEmailAddresses(message));
            return locked;
        });
        log.atWarn()
                .addKeyValue("request", request.reference())
                .addKeyValue("step", request.step().databaseValue())
                .log("Executing data subject request failed; it can be resumed: {}", message);
    }

    private void commitStep(
            UUID requestId, PortalUser user, ExecutionStep step, String details, Consumer<DataSubjectRequest> work) {
        inTransaction(() -> {
            DataSubjectRequest locked = requests.lockById(requestId).orElseThrow();
            work.accept(locked);
            locked.reach(step);
            audit(user, "request.step." + step.databaseValue().replace('_', '-'), locked, details);
            return locked;
        });
    }

    private List<String> channels() {
        return properties.channels().isEmpty() ? List.of(portalChannel) : properties.channels();
    }

    private boolean isMember(String channel, String mspId) {
        return ledger.readChannel(channel).organizations().stream()
                .anyMatch(organization -> organization.mspId().equals(mspId));
    }

    private DataSubjectRequest reload(UUID requestId) {
        return inTransaction(() -> requests.findById(requestId).orElseThrow());
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    private void audit(PortalUser user, String action, DataSubjectRequest request, String details) {
        audit.record(new AuditEntry(DataSubjectRequestService.actor(user),
                DataSubjectRequestService.authority(user).code(), action, "data-subject-request", request.reference(),
                details));
    }

    private static PreparedUpdate prepared(RequestChannelUpdate update, DataSubjectRequest request) {
        return new PreparedUpdate(update.channel(), update.configUpdate(), update.sha256(), update.baseSequence(),
                List.of(), List.of(), List.of(request.mspId()));
    }

    private static AuthoritySignature signature(RequestChannelUpdate update, DataSubjectRequest request) {
        return new AuthoritySignature(request.mspId(), update.signature());
    }

    private static String pem(X509CRL crl) {
        try {
            return pem("X509 CRL", crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException("Cannot encode the CRL: " + e.getMessage(), e);
        }
    }

    private static String pem(X509Certificate certificate) {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Cannot encode the certificate: " + e.getMessage(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot fingerprint certificate " + certificate.getSerialNumber(), e);
        }
    }
}
