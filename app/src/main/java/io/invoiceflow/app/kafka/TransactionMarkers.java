package io.invoiceflow.app.kafka;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.message.WriteTxnMarkersRequestData;
import org.apache.kafka.common.message.WriteTxnMarkersResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.WriteTxnMarkersRequest;
import org.apache.kafka.common.requests.WriteTxnMarkersResponse;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Writes the commit marker of a transaction its coordinator committed but whose marker never reached a partition
 * (ADR 0010): the {@code WriteTxnMarkers} request the coordinator itself sends, with result COMMIT, at the
 * producer epoch the partition holds (as {@code Admin.abortTransaction} does for an abort). Kafka's admin API writes
 * only abort markers, so this speaks the protocol over one socket to the embedded broker, which leads every
 * partition and has no authorizer.
 */
final class TransactionMarkers {
    private static final String CLIENT_ID = "invoiceflow-leftover-transactions";

    private TransactionMarkers() {
    }

    /** @param bootstrapServers the embedded broker's {@code host:port} */
    static void commit(String bootstrapServers, TopicPartition partition, long producerId, short producerEpoch,
                       int coordinatorEpoch, int timeoutMillis) throws IOException {
        int colon = bootstrapServers.lastIndexOf(':');
        String host = bootstrapServers.substring(0, colon);
        int port = Integer.parseInt(bootstrapServers.substring(colon + 1));
        WriteTxnMarkersRequestData data = new WriteTxnMarkersRequestData().setMarkers(List.of(
                new WriteTxnMarkersRequestData.WritableTxnMarker()
                        .setProducerId(producerId)
                        .setProducerEpoch(producerEpoch)
                        .setTransactionResult(true)
                        .setCoordinatorEpoch(coordinatorEpoch)
                        .setTopics(List.of(new WriteTxnMarkersRequestData.WritableTxnMarkerTopic()
                                .setName(partition.topic())
                                .setPartitionIndexes(List.of(partition.partition()))))));
        short version = ApiKeys.WRITE_TXN_MARKERS.latestVersion();
        RequestHeader header = new RequestHeader(ApiKeys.WRITE_TXN_MARKERS, version, CLIENT_ID, 1);
        ByteBuffer request = new WriteTxnMarkersRequest.Builder(data).build(version).serializeWithHeader(header);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            byte[] bytes = new byte[request.remaining()];
            request.duplicate().get(bytes);
            out.writeInt(bytes.length);
            out.write(bytes);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] answer = new byte[in.readInt()];
            in.readFully(answer);
            AbstractResponse response = AbstractResponse.parseResponse(ByteBuffer.wrap(answer), header);
            for (WriteTxnMarkersResponseData.WritableTxnMarkerResult marker
                    : ((WriteTxnMarkersResponse) response).data().markers()) {
                for (WriteTxnMarkersResponseData.WritableTxnMarkerTopicResult topic : marker.topics()) {
                    for (WriteTxnMarkersResponseData.WritableTxnMarkerPartitionResult result : topic.partitions()) {
                        Errors error = Errors.forCode(result.errorCode());
                        if (error != Errors.NONE) {
                            throw new IOException("the broker refused the commit marker on " + partition + ": " + error);
                        }
                    }
                }
            }
        }
    }
}
