package de.klammer.portal.ledger;

import de.klammer.portal.shell.PortalProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Reads the live configuration of the channel that the portal governs. */
@Service
public class ChannelService {

    private final LedgerGateway ledger;
    private final String channel;

    ChannelService(LedgerGateway ledger, PortalProperties properties) {
        this.ledger = ledger;
        this.channel = properties.channel();
    }

    /**
     * Reads organisations and policies of the governed channel from the ledger.
     *
     * @throws LedgerUnavailableException when the ledger cannot be reached
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    public ChannelView readChannel() {
        return ledger.readChannel(channel);
    }
}
