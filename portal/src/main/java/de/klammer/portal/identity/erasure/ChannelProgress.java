package de.klammer.portal.identity.erasure;

import org.jspecify.annotations.Nullable;

/**
 * Progress of a request's CRL update on one channel.
 *
 * @param channel channel name
 * @param state {@code prepared}, {@code submitted} or {@code applied}
 * @param blockNumber config block that carries the CRL, once applied
 * @param refusalCheck result of checking the revoked certificates against the channel's MSP definition
 */
public record ChannelProgress(String channel, String state, @Nullable Long blockNumber, @Nullable String refusalCheck) {}
