package io.invoiceflow.streams.secrets;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import javax.net.SocketFactory;

/**
 * Plain sockets that check the {@link HostPolicy} on the address they actually connect to and set
 * {@code TCP_NODELAY} (without it, Nagle plus delayed ACK cost ~50 ms per SMTP command turn).
 * Jakarta Mail uses this factory for every SMTP connection ({@code mail.smtp.socketFactory}),
 * also for implicit TLS, which it layers on top of the connected plain socket.
 */
public final class GuardedSocketFactory extends SocketFactory {
    private final HostPolicy policy;

    public GuardedSocketFactory(HostPolicy policy) {
        this.policy = policy;
    }

    /** A refused address: a connection to it was not attempted. */
    public static final class ForbiddenAddressException extends IOException {
        private static final long serialVersionUID = 1L;

        public ForbiddenAddressException(String message) {
            super(message);
        }
    }

    @Override
    public Socket createSocket() {
        return new GuardedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        socket.connect(new InetSocketAddress(address, port));
        return socket;
    }

    private final class GuardedSocket extends Socket {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (endpoint instanceof InetSocketAddress inet) {
                InetAddress address = inet.getAddress();
                if (address == null) {
                    throw new UnknownHostException(inet.getHostString());
                }
                if (!policy.permits(address)) {
                    throw new ForbiddenAddressException("connection to " + inet.getHostString() + " refused: it resolves to a "
                            + HostPolicy.refusal(address).orElse("non-public") + " address");
                }
            }
            super.connect(endpoint, timeout);
            setTcpNoDelay(true);
        }
    }
}
