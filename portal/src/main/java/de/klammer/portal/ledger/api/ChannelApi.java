package de.klammer.portal.ledger.api;

import de.klammer.portal.ledger.ChannelService;
import de.klammer.portal.ledger.ChannelView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Returns the channel's current configuration as the channel overview screen shows it. */
@RestController
class ChannelApi {

    private final ChannelService channels;

    ChannelApi(ChannelService channels) {
        this.channels = channels;
    }

    @GetMapping("/api/v1/channel")
    ChannelView channel() {
        return channels.readChannel();
    }
}
