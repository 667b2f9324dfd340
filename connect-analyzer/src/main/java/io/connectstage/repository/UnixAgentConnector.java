package io.connectstage.repository;

import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.eclipse.jgit.transport.sshd.agent.AbstractConnector;
import org.eclipse.jgit.transport.sshd.agent.Connector;
import org.eclipse.jgit.transport.sshd.agent.ConnectorFactory;

/**
 * A connection to the SSH agent at {@code SSH_AUTH_SOCK} over the JDK's Unix domain sockets
 * (Java 16+), so that JGit's SSH transport can sign with the agent's keys without the JNA-based
 * connector bundle, which is not published for this JGit version.
 */
final class UnixAgentConnector extends AbstractConnector {

    private final Path socket;
    private SocketChannel channel;

    UnixAgentConnector(Path socket) {
        this.socket = socket;
    }

    @Override
    public synchronized boolean connect() throws IOException {
        if (channel != null && channel.isOpen()) {
            return true;
        }
        if (!Files.exists(socket)) {
            return false;
        }
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return true;
    }

    @Override
    public synchronized byte[] rpc(byte command, byte[] message) throws IOException {
        if (!connect()) {
            throw new IOException("no SSH agent at " + socket);
        }
        prepareMessage(command, message);
        ByteBuffer out = ByteBuffer.wrap(message);
        while (out.hasRemaining()) {
            channel.write(out);
        }
        byte[] length = new byte[4];
        readFully(length);
        byte[] reply = new byte[toLength(command, length)];
        readFully(reply);
        return reply;
    }

    private void readFully(byte[] into) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(into);
        while (in.hasRemaining()) {
            if (channel.read(in) < 0) {
                throw new IOException("the SSH agent closed the connection");
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    /** Makes connectors for the socket named by {@code SSH_AUTH_SOCK} (or an {@code IdentityAgent} path). */
    static final class Factory implements ConnectorFactory {
        private static final String ENV = "SSH_AUTH_SOCK";

        static boolean available() {
            String sock = System.getenv(ENV);
            return sock != null && !sock.isBlank();
        }

        @Override
        public Connector create(String identityAgent, File homeDir) {
            String path = identityAgent == null || identityAgent.isBlank() || ENV.equals(identityAgent)
                    ? System.getenv(ENV) : identityAgent;
            return new UnixAgentConnector(Path.of(path == null ? "" : path));
        }

        @Override
        public boolean isSupported() {
            return true;
        }

        @Override
        public String getName() {
            return "connectstage-unix-agent";
        }

        @Override
        public Collection<ConnectorDescriptor> getSupportedConnectors() {
            return List.of(getDefaultConnector());
        }

        @Override
        public ConnectorDescriptor getDefaultConnector() {
            return new ConnectorDescriptor() {
                @Override
                public String getIdentityAgent() {
                    return ENV;
                }

                @Override
                public String getDisplayName() {
                    return "SSH agent at $" + ENV;
                }
            };
        }
    }
}
