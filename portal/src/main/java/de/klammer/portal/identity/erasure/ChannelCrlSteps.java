package de.klammer.portal.identity.erasure;

import de.klammer.identity.CertificateQuery;
import de.klammer.portal.identity.CertificateAuthorities;
import de.klammer.portal.identity.erasure.internal.DataSubjectRequest;
import de.klammer.portal.identity.erasure.internal.RequestChannelUpdate;
import de.klammer.portal.identity.erasure.internal.RequestChannelUpdateRepository;
import de.klammer.portal.ledger.AppliedUpdate;
import de.klammer.portal.ledger.AuthoritySignature;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.MspChange;
import de.klammer.portal.ledger.PreparedUpdate;
import de.klammer.portal.ledger.SignatureCheck;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.shell.PortalProperties;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of a data subject request on the channels: put the CA's CRL into the organisation's MSP definition,
 * confirm its config block, and check that the channel now rejects the revoked certificates.
 */
@Component
class ChannelCrlSteps {

    private static final Logger log = LoggerFactory.getLogger(ChannelCrlSteps.class);

    private final RequestChannelUpdateRepository channelUpdates;
    private final CertificateAuthorities certificateAuthorities;
    private final LedgerGateway ledger;
    private final ErasureProperties properties;
    private final String portalChannel;
    private final RequestSteps steps;

    ChannelCrlSteps(
            RequestChannelUpdateRepository channelUpdates,
            CertificateAuthorities certificateAuthorities,
            LedgerGateway ledger,
            ErasureProperties properties,
            PortalProperties portalProperties,
            RequestSteps steps) {
        this.channelUpdates = channelUpdates;
        this.certificateAuthorities = certificateAuthorities;
        this.ledger = ledger;
        this.properties = properties;
        this.portalChannel = portalProperties.channel();
        this.steps = steps;
    }

    /**
     * Puts the CA's current CRL into the organisation's MSP definition on every channel where it is a member, and
     * removes revoked certificates from the MSP's explicit admins in the same update. The MSP value's mod_policy is
     * the organisation's Admins, so its own admin signature suffices. Before broadcasting again, an earlier update is
     * looked for on the channel, so a crash after broadcasting sends nothing twice.
     */
    void submitCrl(DataSubjectRequest request, PortalUser user) {
        List<String> done = new ArrayList<>();
        for (String channel : channels()) {
            Optional<RequestChannelUpdate> existing = steps.inTransaction(() ->
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
            steps.inTransaction(() -> {
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
        steps.commit(request.id(), user, ExecutionStep.CRL_SUBMITTED, "CRL update submitted on " + done, locked -> {});
    }

    private RequestChannelUpdate prepareChannelUpdate(
            DataSubjectRequest request, String channel, @Nullable RequestChannelUpdate stale) {
        String crlPem = CertificateEncodings.pem(certificateAuthorities.client(request.mspId()).generateCrl());
        PreparedUpdate update =
                ledger.prepareMspChange(channel, new MspChange(request.mspId(), crlPem, request.revokedSha256()));
        AuthoritySignature signature = ledger.sign(request.mspId(), update);
        SignatureCheck check = ledger.evaluate(update, List.of(signature));
        if (!check.satisfied()) {
            throw new IllegalStateException("The admin signature of " + request.mspId()
                    + " does not satisfy the CRL update on channel " + channel + ": " + String.join("; ", check.missing()));
        }
        return steps.inTransaction(() -> {
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
    void confirmCrl(DataSubjectRequest request, PortalUser user) {
        List<String> blocks = new ArrayList<>();
        for (RequestChannelUpdate update : updates(request)) {
            long block;
            if (update.state() == RequestChannelUpdate.State.APPLIED && update.blockNumber() != null) {
                block = update.blockNumber();
            } else {
                AppliedUpdate applied = ledger.awaitApplied(prepared(update, request), properties.awaitTimeout())
                        .orElseThrow(() -> new IllegalStateException("The CRL update on channel " + update.channel()
                                + " was not applied within " + properties.awaitTimeout()));
                block = applied.blockNumber();
                steps.inTransaction(() -> {
                    channelUpdates.findById(update.id()).orElseThrow().applied(applied.blockNumber());
                    return null;
                });
            }
            blocks.add(update.channel() + " block " + block);
        }
        steps.commit(request.id(), user, ExecutionStep.CRL_CONFIRMED, "CRL on channel since " + blocks, locked -> {});
    }

    /**
     * Checks each revoked certificate against each channel's live MSP definition, with Fabric's validation rules as
     * ledger-admin implements them, and a corrected identity's new certificate too.
     */
    void verifyRefusal(DataSubjectRequest request, PortalUser user) {
        // NOTE: the portal has no key of the revoked identity, so it cannot send a Deliver or Broadcast as that
        // identity. It validates the certificate against the channel's MSP and CRLs as the orderer does.
        List<X509Certificate> certificates = certificateAuthorities.client(request.mspId()).identities()
                .listCertificates(CertificateQuery.forIdentity(request.enrollmentId()));
        List<String> results = new ArrayList<>();
        for (RequestChannelUpdate update : updates(request)) {
            List<String> lines = new ArrayList<>();
            for (X509Certificate certificate : certificates) {
                String serial = certificate.getSerialNumber().toString(16);
                Optional<String> rejection = ledger.validateIdentity(
                        update.channel(), request.mspId(), CertificateEncodings.pem(certificate));
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
            steps.inTransaction(() -> {
                channelUpdates.findById(update.id()).orElseThrow().refusalChecked(result);
                return null;
            });
            results.add(update.channel() + ": " + result);
        }
        steps.commit(request.id(), user, ExecutionStep.REFUSAL_VERIFIED, String.join(" | ", results), locked -> {});
    }

    private List<RequestChannelUpdate> updates(DataSubjectRequest request) {
        return steps.inTransaction(() -> channelUpdates.findByRequestIdOrderByChannelAsc(request.id()));
    }

    /** Returns the channels that receive CRL updates: the configured ones, or the portal's channel. */
    List<String> channels() {
        return properties.channels().isEmpty() ? List.of(portalChannel) : properties.channels();
    }

    private boolean isMember(String channel, String mspId) {
        return ledger.readChannel(channel).organizations().stream()
                .anyMatch(organization -> organization.mspId().equals(mspId));
    }

    private static PreparedUpdate prepared(RequestChannelUpdate update, DataSubjectRequest request) {
        return new PreparedUpdate(update.channel(), update.configUpdate(), update.sha256(), update.baseSequence(),
                List.of(), List.of(), List.of(request.mspId()));
    }

    private static AuthoritySignature signature(RequestChannelUpdate update, DataSubjectRequest request) {
        return new AuthoritySignature(request.mspId(), update.signature());
    }
}
