package io.connectstage.repository;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RemoteSession;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * The SSH client of a {@link GitRepositorySource}: JGit's Apache MINA SSHD transport with the
 * user's keys ({@code id_ed25519}, {@code id_ecdsa}, {@code id_rsa} in the SSH directory, or one
 * key file given), the SSH agent when {@code SSH_AUTH_SOCK} names one, and host keys checked
 * against {@code known_hosts} by {@link KnownHosts} (never accepted blindly). Every session a
 * guarded fetch opens is registered with its {@link FetchGuard}, which disconnects it on stop.
 */
final class SshClient {

    private SshClient() {
    }

    /** JGit's SSHD session factory over {@code sshDirectory}, with an optional key file and known-hosts file. */
    static SshSessionFactory create(Path home, Path sshDirectory, Path keyFile, Path knownHosts, boolean agent) {
        Path known = knownHosts != null ? knownHosts : sshDirectory.resolve("known_hosts");
        List<Path> knownFiles = new ArrayList<>(List.of(known));
        if (knownHosts == null) {
            knownFiles.add(sshDirectory.resolve("known_hosts2"));
        }
        SshdSessionFactoryBuilder builder = new SshdSessionFactoryBuilder()
                .setHomeDirectory(home.toFile())
                .setSshDirectory(sshDirectory.toFile())
                .setPreferredAuthentications("publickey")
                .setServerKeyDatabase((h, s) -> new KnownHosts(knownFiles))
                .setConfigFile(dir -> new File(dir, "config"));
        if (keyFile != null) {
            builder.setDefaultIdentities(dir -> List.of(keyFile));
        } else {
            builder.setDefaultIdentities(dir -> existing(dir.toPath(), "id_ed25519", "id_ecdsa", "id_rsa"));
        }
        if (agent && UnixAgentConnector.Factory.available()) {
            builder.setConnectorFactory(new UnixAgentConnector.Factory());
        } else {
            builder.setConnectorFactory(null);
        }
        return new Guarded(builder.build(new JGitKeyCache()));
    }

    private static List<Path> existing(Path dir, String... names) {
        List<Path> found = new ArrayList<>();
        for (String name : names) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                found.add(p);
            }
        }
        return found;
    }

    /** A session factory whose sessions, opened for a guarded fetch, are registered with its guard. */
    static final class Guarded extends SshSessionFactory {
        private final SshSessionFactory delegate;

        Guarded(SshSessionFactory delegate) {
            this.delegate = delegate;
        }

        static SshSessionFactory wrap(SshSessionFactory factory) {
            return factory instanceof Guarded ? factory : new Guarded(factory);
        }

        @Override
        public RemoteSession getSession(URIish uri, CredentialsProvider credentialsProvider, FS fs, int tms)
                throws TransportException {
            FetchGuard guard = FetchGuard.current();
            RemoteSession session = delegate.getSession(uri, credentialsProvider, fs, tms);
            if (guard == null) {
                return session;
            }
            guard.register(session::disconnect);
            return new RemoteSession() {
                @Override
                public Process exec(String commandName, int timeout) throws java.io.IOException {
                    guard.check();
                    return new GuardedProcess(session.exec(commandName, timeout), guard);
                }

                @Override
                public void disconnect() {
                    session.disconnect();
                }
            };
        }

        @Override
        public void releaseSession(RemoteSession session) {
            session.disconnect();
        }

        @Override
        public String getType() {
            return delegate.getType();
        }
    }

    /** The remote git command of a guarded fetch: what it sends is read through the guard (deadline, byte cap). */
    private static final class GuardedProcess extends Process {
        private final Process process;
        private final java.io.InputStream in;

        GuardedProcess(Process process, FetchGuard guard) {
            this.process = process;
            this.in = guard.guardConnection(process.getInputStream());
        }

        @Override
        public java.io.OutputStream getOutputStream() {
            return process.getOutputStream();
        }

        @Override
        public java.io.InputStream getInputStream() {
            return in;
        }

        @Override
        public java.io.InputStream getErrorStream() {
            return process.getErrorStream();
        }

        @Override
        public int waitFor() throws InterruptedException {
            return process.waitFor();
        }

        @Override
        public int exitValue() {
            return process.exitValue();
        }

        @Override
        public void destroy() {
            process.destroy();
        }
    }
}
