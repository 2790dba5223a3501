package de.klammer.portal.identity.erasure;

import de.klammer.portal.identity.erasure.internal.DataSubjectRequest;
import de.klammer.portal.identity.erasure.internal.RequestChannelUpdateRepository;
import de.klammer.portal.identity.erasure.internal.RequestRecipientRepository;
import org.springframework.stereotype.Component;

/** Builds the read model of a request from its rows. */
@Component
class RequestReadModels {

    private final RequestChannelUpdateRepository channelUpdates;
    private final RequestRecipientRepository recipients;

    RequestReadModels(RequestChannelUpdateRepository channelUpdates, RequestRecipientRepository recipients) {
        this.channelUpdates = channelUpdates;
        this.recipients = recipients;
    }

    RequestSummary summary(DataSubjectRequest request) {
        var channels = channelUpdates.findByRequestIdOrderByChannelAsc(request.id()).stream()
                .map(update -> new ChannelProgress(
                        update.channel(),
                        update.state().name().toLowerCase(java.util.Locale.ROOT),
                        update.blockNumber(),
                        update.refusalCheck()))
                .toList();
        var notified = recipients.findByKeyRequestIdOrderByKeyMspIdAsc(request.id()).stream()
                .map(recipient ->
                        new RecipientView(recipient.mspId(), recipient.notifiedAt(), recipient.acknowledgedAt()))
                .toList();
        var deadline = request.deadline();
        return new RequestSummary(
                request.id(),
                request.reference(),
                request.kind(),
                request.mspId(),
                request.enrollmentId(),
                request.status(),
                request.step(),
                deadline.receivedOn(),
                deadline.firstDueOn(),
                deadline.dueOn(),
                deadline.extensionMonths(),
                deadline.extensionReason(),
                request.legalBasis(),
                request.retentionException(),
                request.lastError(),
                request.revokedSerials(),
                request.newSerial(),
                channels,
                notified);
    }
}
