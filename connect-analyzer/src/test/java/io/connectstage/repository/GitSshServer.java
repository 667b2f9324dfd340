package io.connectstage.repository;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.UploadPack;

/**
 * An SSH git server on 127.0.0.1 made from Apache MINA SSHD and JGit's UploadPack: it serves one
 * repository to the one client key it is given, for any {@code git-upload-pack} path, and
 * refuses every other command.
 */
final class GitSshServer implements AutoCloseable {

    private final SshServer server;
    private final Repository repository;
    final KeyPair hostKey;
    final AtomicInteger uploads = new AtomicInteger();

    GitSshServer(Path repositoryDir, KeyPair clientKey) throws IOException, GeneralSecurityException {
        this.repository = Git.open(repositoryDir.toFile()).getRepository();
        this.hostKey = newKey();
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, clientKey.getPublic()));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setCommandFactory((channel, command) -> {
            if (!command.startsWith("git-upload-pack ")) {
                throw new IOException("unknown command: " + command);
            }
            return new UploadPackCommand();
        });
        server.start();
    }

    static KeyPair newKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** Writes {@code key} as an OpenSSH private key file. */
    static Path writePrivateKey(KeyPair key, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "test", null, out);
        }
        return file;
    }

    /** A known_hosts line for this server with {@code key} as its host key. */
    String knownHostsLine(KeyPair key) {
        return "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(key.getPublic()) + "\n";
    }

    String url(String path) {
        return "ssh://git@127.0.0.1:" + server.getPort() + "/" + path;
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
        repository.close();
    }

    private final class UploadPackCommand implements Command {
        private InputStream in;
        private OutputStream out;
        private ExitCallback exit;
        private Thread thread;

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            uploads.incrementAndGet();
            thread = new Thread(() -> {
                int status = 0;
                try {
                    new UploadPack(repository).upload(in, out, null);
                    out.flush();
                } catch (IOException | RuntimeException e) {
                    status = 1;
                } finally {
                    exit.onExit(status);
                }
            }, "ssh-upload-pack");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }
}
