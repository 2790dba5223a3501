package de.klammer.ledger.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import de.klammer.ledger.ChannelConfigDecodingException;
import org.hyperledger.fabric.protos.common.Common.Block;
import org.hyperledger.fabric.protos.common.Common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.Common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Common.Envelope;
import org.hyperledger.fabric.protos.common.Common.HeaderType;
import org.hyperledger.fabric.protos.common.Common.LastConfig;
import org.hyperledger.fabric.protos.common.Common.Metadata;
import org.hyperledger.fabric.protos.common.Common.Payload;
import org.hyperledger.fabric.protos.common.Configtx.ConfigEnvelope;

/** Reads config envelopes and block metadata out of Fabric blocks. */
public final class Blocks {

    private Blocks() {}

    /** A config block's contents: the channel it belongs to and its config envelope. */
    public record ConfigBlock(String channelId, long number, ConfigEnvelope envelope) {}

    /** Parses a block and returns its config envelope; fails when the block is not a config block. */
    public static ConfigBlock configBlock(Block block) {
        long number = block.getHeader().getNumber();
        try {
            if (block.getData().getDataCount() != 1) {
                throw new ChannelConfigDecodingException(
                        "Block " + number + " is not a config block: it contains " + block.getData().getDataCount()
                                + " transactions, a config block holds exactly one",
                        null);
            }
            Envelope envelope = Envelope.parseFrom(block.getData().getData(0));
            Payload payload = Payload.parseFrom(envelope.getPayload());
            ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            if (header.getType() != HeaderType.CONFIG_VALUE) {
                throw new ChannelConfigDecodingException(
                        "Block " + number + " is not a config block: its transaction has header type "
                                + header.getType() + ", expected " + HeaderType.CONFIG_VALUE,
                        null);
            }
            return new ConfigBlock(header.getChannelId(), number, ConfigEnvelope.parseFrom(payload.getData()));
        } catch (InvalidProtocolBufferException e) {
            throw new ChannelConfigDecodingException("Block " + number + " is malformed: " + e.getMessage(), e);
        }
    }

    /** Returns whether the block carries a config transaction. */
    public static boolean isConfigBlock(Block block) {
        try {
            if (block.getData().getDataCount() != 1) {
                return false;
            }
            Payload payload = Payload.parseFrom(Envelope.parseFrom(block.getData().getData(0)).getPayload());
            return ChannelHeader.parseFrom(payload.getHeader().getChannelHeader()).getType() == HeaderType.CONFIG_VALUE;
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }

    /**
     * Returns the number of the last config block as recorded in a block's metadata. Fabric 2.x and later write it
     * into the orderer metadata slot; older blocks carry it in the {@code LAST_CONFIG} slot.
     */
    public static long lastConfigIndex(Block block) {
        try {
            var metadata = block.getMetadata();
            int signaturesSlot = BlockMetadataIndex.SIGNATURES_VALUE;
            if (metadata.getMetadataCount() > signaturesSlot && !metadata.getMetadata(signaturesSlot).isEmpty()) {
                Metadata signatures = Metadata.parseFrom(metadata.getMetadata(signaturesSlot));
                var ordererMetadata = org.hyperledger.fabric.protos.common.Common.OrdererBlockMetadata.parseFrom(
                        signatures.getValue());
                if (ordererMetadata.hasLastConfig()) {
                    return ordererMetadata.getLastConfig().getIndex();
                }
            }
            int lastConfigSlot = BlockMetadataIndex.LAST_CONFIG_VALUE;
            Metadata lastConfig = Metadata.parseFrom(metadata.getMetadata(lastConfigSlot));
            return LastConfig.parseFrom(lastConfig.getValue()).getIndex();
        } catch (InvalidProtocolBufferException | IndexOutOfBoundsException e) {
            throw new ChannelConfigDecodingException(
                    "Block " + block.getHeader().getNumber() + " has no readable last-config metadata", e);
        }
    }
}
