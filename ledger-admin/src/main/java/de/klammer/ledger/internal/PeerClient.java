package de.klammer.ledger.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import de.klammer.ledger.ChainInfo;
import de.klammer.ledger.PeerEndpoint;
import de.klammer.ledger.PeerRequestRejectedException;
import de.klammer.ledger.PeerUnavailableException;
import de.klammer.ledger.SigningIdentity;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.hyperledger.fabric.protos.common.Common.Block;
import org.hyperledger.fabric.protos.common.Common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Common.Envelope;
import org.hyperledger.fabric.protos.common.Common.Header;
import org.hyperledger.fabric.protos.common.Common.HeaderType;
import org.hyperledger.fabric.protos.common.Common.SignatureHeader;
import org.hyperledger.fabric.protos.common.Common.Status;
import org.hyperledger.fabric.protos.common.Ledger.BlockchainInfo;
import org.hyperledger.fabric.protos.peer.Chaincode.ChaincodeID;
import org.hyperledger.fabric.protos.peer.Chaincode.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.Chaincode.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.Chaincode.ChaincodeSpec;
import org.hyperledger.fabric.protos.peer.DeliverGrpc;
import org.hyperledger.fabric.protos.peer.EndorserGrpc;
import org.hyperledger.fabric.protos.peer.EventsPackage.DeliverResponse;
import org.hyperledger.fabric.protos.peer.ProposalPackage.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.ProposalPackage.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ProposalPackage.Proposal;
import org.hyperledger.fabric.protos.peer.ProposalPackage.SignedProposal;
import org.hyperledger.fabric.protos.peer.ProposalResponsePackage.ProposalResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to one peer over gRPC with TLS: a signed proposal to the query system chaincode qscc, and the Deliver
 * service for blocks. Each call names the ACL resource that the peer checks for it.
 */
public final class PeerClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PeerClient.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final String GET_CHAIN_INFO = "qscc/GetChainInfo";
    private static final String BLOCK_EVENTS = "event/Block";

    private final PeerEndpoint endpoint;
    private final ManagedChannel channel;

    public PeerClient(PeerEndpoint endpoint) {
        this.endpoint = endpoint;
        try {
            this.channel = NettyChannelBuilder.forAddress(endpoint.host(), endpoint.port())
                    .sslContext(GrpcSslContexts.forClient()
                            .trustManager(endpoint.tlsRootCertificate().toFile())
                            .build())
                    .overrideAuthority(endpoint.tlsHostnameOverride())
                    .maxInboundMessageSize(100 * 1024 * 1024)
                    .build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("Cannot use TLS root certificate " + endpoint.tlsRootCertificate()
                    + " for peer " + address() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Queries the peer's chain info of a channel through qscc GetChainInfo, signed by {@code caller}.
     *
     * @throws PeerRequestRejectedException when the peer responds with a status other than 200, for example because
     *     the caller does not satisfy the policy of the ACL {@code qscc/GetChainInfo}
     */
    public ChainInfo chainInfo(String channelId, SigningIdentity caller) {
        SignedProposal proposal = qsccProposal(channelId, caller, "GetChainInfo", channelId);
        ProposalResponse response;
        try {
            response = EndorserGrpc.newBlockingStub(GrpcChannels.readyForCall(channel))
                    .withDeadlineAfter(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .processProposal(proposal);
        } catch (StatusRuntimeException e) {
            throw unavailable("ProcessProposal", e);
        }
        int status = response.getResponse().getStatus();
        if (status != 200) {
            String message = response.getResponse().getMessage();
            throw new PeerRequestRejectedException(GET_CHAIN_INFO, Integer.toString(status), message,
                    "Peer " + address() + " rejected " + GET_CHAIN_INFO + " on channel '" + channelId + "' for "
                            + caller.mspId() + " with status " + status + ": " + message);
        }
        try {
            BlockchainInfo info = BlockchainInfo.parseFrom(response.getResponse().getPayload());
            return new ChainInfo(info.getHeight(), hex(info.getCurrentBlockHash()), hex(info.getPreviousBlockHash()));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("Peer " + address() + " returned a GetChainInfo payload that is no"
                    + " BlockchainInfo: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the newest block of a channel from the peer's Deliver service, signed by {@code caller}. The peer checks
     * the ACL {@code event/Block} for this call.
     *
     * @throws PeerRequestRejectedException when the peer responds with a status such as {@code FORBIDDEN}
     */
    public Block newestBlock(String channelId, SigningIdentity caller) {
        Envelope request = Envelopes.seekEnvelope(channelId, -1, -1, caller).envelope();
        CompletableFuture<Block> block = new CompletableFuture<>();
        CompletableFuture<Status> done = new CompletableFuture<>();
        StreamObserver<Envelope> requests = DeliverGrpc.newStub(GrpcChannels.readyForCall(channel))
                .withDeadlineAfter(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .deliver(new StreamObserver<>() {
                    @Override
                    public void onNext(DeliverResponse response) {
                        if (response.hasBlock()) {
                            block.complete(response.getBlock());
                        } else {
                            done.complete(response.getStatus());
                        }
                    }

                    @Override
                    public void onError(Throwable error) {
                        done.completeExceptionally(error);
                    }

                    @Override
                    public void onCompleted() {
                        done.complete(Status.SUCCESS);
                    }
                });
        requests.onNext(request);
        try {
            Status status = done.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            requests.onCompleted();
            if (status != Status.SUCCESS || !block.isDone()) {
                throw new PeerRequestRejectedException(BLOCK_EVENTS, status.name(), "",
                        "Peer " + address() + " rejected the delivery of blocks of channel '" + channelId + "' to "
                                + caller.mspId() + " with status " + status
                                + (status == Status.FORBIDDEN
                                        ? ": the caller does not satisfy the policy of the ACL " + BLOCK_EVENTS
                                        : ""));
            }
            return block.get();
        } catch (ExecutionException | TimeoutException e) {
            requests.onError(e);
            throw unavailable("Deliver", e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("Deliver", e);
        }
    }

    /** Builds a signed proposal that invokes qscc with the arguments {@code function, args...}. */
    private static SignedProposal qsccProposal(
            String channelId, SigningIdentity caller, String function, String... args) {
        byte[] nonce = Envelopes.nonce();
        SignatureHeader signatureHeader = Envelopes.signatureHeader(caller, nonce);
        ChaincodeID qscc = ChaincodeID.newBuilder().setName("qscc").build();
        Instant now = Instant.now();
        ChannelHeader channelHeader = ChannelHeader.newBuilder()
                .setType(HeaderType.ENDORSER_TRANSACTION.getNumber())
                .setVersion(0)
                .setChannelId(channelId)
                .setTxId(Envelopes.txId(nonce, signatureHeader.getCreator()))
                .setEpoch(0)
                .setTimestamp(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .setExtension(ChaincodeHeaderExtension.newBuilder().setChaincodeId(qscc).build().toByteString())
                .build();
        ChaincodeInput.Builder input = ChaincodeInput.newBuilder()
                .addArgs(ByteString.copyFrom(function, StandardCharsets.UTF_8));
        for (String arg : List.of(args)) {
            input.addArgs(ByteString.copyFrom(arg, StandardCharsets.UTF_8));
        }
        ChaincodeInvocationSpec invocation = ChaincodeInvocationSpec.newBuilder()
                .setChaincodeSpec(ChaincodeSpec.newBuilder()
                        .setType(ChaincodeSpec.Type.GOLANG)
                        .setChaincodeId(qscc)
                        .setInput(input))
                .build();
        Proposal proposal = Proposal.newBuilder()
                .setHeader(Header.newBuilder()
                        .setChannelHeader(channelHeader.toByteString())
                        .setSignatureHeader(signatureHeader.toByteString())
                        .build()
                        .toByteString())
                .setPayload(ChaincodeProposalPayload.newBuilder()
                        .setInput(invocation.toByteString())
                        .build()
                        .toByteString())
                .build();
        byte[] proposalBytes = proposal.toByteArray();
        return SignedProposal.newBuilder()
                .setProposalBytes(ByteString.copyFrom(proposalBytes))
                .setSignature(ByteString.copyFrom(caller.sign(proposalBytes)))
                .build();
    }

    private static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }

    private String address() {
        return endpoint.host() + ":" + endpoint.port();
    }

    private PeerUnavailableException unavailable(String call, Throwable cause) {
        log.atWarn().addKeyValue("peer", address()).log("{} to peer failed: {}", call, cause.toString());
        return new PeerUnavailableException(call + " to peer " + address() + " failed: " + cause.getMessage()
                + ". Check that the peer runs and try again.", cause);
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
