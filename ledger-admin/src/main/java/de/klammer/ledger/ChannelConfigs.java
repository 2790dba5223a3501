package de.klammer.ledger;

import com.google.protobuf.InvalidProtocolBufferException;
import de.klammer.ledger.internal.Blocks;
import de.klammer.ledger.internal.ConfigDecoder;
import org.hyperledger.fabric.protos.common.Common.Block;

/** Decodes config blocks from their protobuf bytes, for example a block file written by Fabric's tools. */
public final class ChannelConfigs {

    private ChannelConfigs() {}

    /**
     * Decodes a marshalled config block.
     *
     * @throws ChannelConfigDecodingException when the bytes are not a config block
     */
    public static ChannelConfig decodeBlock(byte[] block) {
        try {
            Blocks.ConfigBlock configBlock = Blocks.configBlock(Block.parseFrom(block));
            return ConfigDecoder.decode(
                    configBlock.channelId(), configBlock.number(), configBlock.envelope().getConfig());
        } catch (InvalidProtocolBufferException e) {
            throw new ChannelConfigDecodingException("Not a Fabric block: " + e.getMessage(), e);
        }
    }
}
