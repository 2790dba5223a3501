package de.klammer.ledger.internal;

import de.klammer.ledger.DeliverRefusedException;
import de.klammer.ledger.OrdererEndpoint;
import de.klammer.ledger.OrdererUnavailableException;
import de.klammer.ledger.SigningIdentity;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.hyperledger.fabric.protos.common.Common.Block;
import org.hyperledger.fabric.protos.common.Common.Envelope;
import org.hyperledger.fabric.protos.common.Common.Status;
import org.hyperledger.fabric.protos.orderer.Ab.BroadcastResponse;
import org.hyperledger.fabric.protos.orderer.Ab.DeliverResponse;
import org.hyperledger.fabric.protos.orderer.AtomicBroadcastGrpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to one orderer over gRPC with TLS: Deliver for blocks and Broadcast for envelopes. Submitting and
 * waiting stay separate calls, so a caller can record "sent" before it waits for the block.
 */
public final class OrdererClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OrdererClient.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final OrdererEndpoint endpoint;
    private final ManagedChannel channel;

    public OrdererClient(OrdererEndpoint endpoint) {
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
                    + " for orderer " + endpoint.host() + ":" + endpoint.port() + ": " + e.getMessage(), e);
        }
    }

    /** The orderer's response to a Broadcast. */
    public record BroadcastResult(Status status, String info) {}

    /** Sends one envelope on a Broadcast stream and returns the orderer's first response. */
    public BroadcastResult broadcast(Envelope envelope) {
        CompletableFuture<BroadcastResponse> answer = new CompletableFuture<>();
        StreamObserver<Envelope> requests = AtomicBroadcastGrpc.newStub(GrpcChannels.readyForCall(channel))
                .withDeadlineAfter(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .broadcast(new StreamObserver<>() {
                    @Override
                    public void onNext(BroadcastResponse response) {
                        answer.complete(response);
                    }

                    @Override
                    public void onError(Throwable error) {
                        answer.completeExceptionally(error);
                    }

                    @Override
                    public void onCompleted() {
                        answer.completeExceptionally(new IOException("Broadcast stream closed without a response"));
                    }
                });
        requests.onNext(envelope);
        try {
            BroadcastResponse response = answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            requests.onCompleted();
            return new BroadcastResult(response.getStatus(), response.getInfo());
        } catch (ExecutionException | TimeoutException e) {
            requests.onError(e);
            throw unavailable("Broadcast", e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("Broadcast", e);
        }
    }

    /**
     * Delivers the blocks from {@code start} to {@code stop} (negative: newest), read as {@code reader}, who must
     * satisfy the channel's Readers policy.
     */
    public List<Block> deliver(String channelId, long start, long stop, SigningIdentity reader) {
        Envelope request = Envelopes.seekEnvelope(channelId, start, stop, reader).envelope();
        List<Block> blocks = new ArrayList<>();
        CompletableFuture<Status> done = new CompletableFuture<>();
        StreamObserver<Envelope> requests = AtomicBroadcastGrpc.newStub(GrpcChannels.readyForCall(channel))
                .withDeadlineAfter(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .deliver(new StreamObserver<>() {
                    @Override
                    public void onNext(DeliverResponse response) {
                        if (response.hasBlock()) {
                            synchronized (blocks) {
                                blocks.add(response.getBlock());
                            }
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
            if (status != Status.SUCCESS) {
                throw refused(channelId, status);
            }
            synchronized (blocks) {
                return List.copyOf(blocks);
            }
        } catch (ExecutionException | TimeoutException e) {
            requests.onError(e);
            throw unavailable("Deliver", e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("Deliver", e);
        }
    }

    private static DeliverRefusedException refused(String channelId, Status status) {
        String reason = switch (status) {
            case FORBIDDEN -> ": the reading identity does not satisfy /Channel/Readers (revoked, expired or not a member)";
            case NOT_FOUND -> ": the channel does not exist on this orderer";
            default -> "";
        };
        return new DeliverRefusedException(channelId, status.name(),
                "Orderer refused to deliver blocks of channel '" + channelId + "' with status " + status + reason);
    }

    private OrdererUnavailableException unavailable(String call, Throwable cause) {
        log.atWarn()
                .addKeyValue("orderer", endpoint.host() + ":" + endpoint.port())
                .log("{} to orderer failed: {}", call, cause.toString());
        return new OrdererUnavailableException(call + " to orderer " + endpoint.host() + ":" + endpoint.port()
                + " failed: " + cause.getMessage() + ". Check that the orderer runs and try again.", cause);
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
