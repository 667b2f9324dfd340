package io.connectstage.repository;

import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jgit.attributes.AttributesNodeProvider;
import org.eclipse.jgit.lib.BaseRepositoryBuilder;
import org.eclipse.jgit.lib.ObjectDatabase;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.RefDatabase;
import org.eclipse.jgit.lib.ReflogReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.PackParser;

/**
 * The throw-away repository a fetch writes into, seen through a delegate whose object inserter
 * caps every pack it parses: no object (whole or the result of a delta) larger than the object
 * limit, and the pack stream read through the {@link FetchGuard} (deadline, byte cap). JGit's
 * fetch sets no object limit of its own ({@code receive.maxObjectSizeLimit} is for pushes), so
 * without this a pack of 2 MB declaring one object of 2 GB makes the parser allocate 2 GB.
 */
final class CappedRepository extends Repository {

    private final Repository delegate;
    private final long maxObjectSize;
    private final FetchGuard guard;

    CappedRepository(Repository delegate, BaseRepositoryBuilder<?, ?> options, long maxObjectSize, FetchGuard guard) {
        super(options);
        this.delegate = delegate;
        this.maxObjectSize = maxObjectSize;
        this.guard = guard;
    }

    @Override
    public ObjectInserter newObjectInserter() {
        ObjectInserter inserter = delegate.newObjectInserter();
        return new ObjectInserter.Filter() {
            @Override
            protected ObjectInserter delegate() {
                return inserter;
            }

            @Override
            public PackParser newPackParser(InputStream in) throws IOException {
                PackParser parser = inserter.newPackParser(guard.guardPack(in));
                parser.setMaxObjectSizeLimit(maxObjectSize);
                return parser;
            }
        };
    }

    @Override
    public void create(boolean bare) throws IOException {
        delegate.create(bare);
    }

    @Override
    public String getIdentifier() {
        return delegate.getIdentifier();
    }

    @Override
    public ObjectDatabase getObjectDatabase() {
        return delegate.getObjectDatabase();
    }

    @Override
    public RefDatabase getRefDatabase() {
        return delegate.getRefDatabase();
    }

    @Override
    public StoredConfig getConfig() {
        return delegate.getConfig();
    }

    @Override
    public AttributesNodeProvider createAttributesNodeProvider() {
        return delegate.createAttributesNodeProvider();
    }

    @Override
    public void scanForRepoChanges() throws IOException {
        delegate.scanForRepoChanges();
    }

    @Override
    public void notifyIndexChanged(boolean internal) {
        delegate.notifyIndexChanged(internal);
    }

    @Override
    public ReflogReader getReflogReader(String refName) throws IOException {
        return delegate.getReflogReader(refName);
    }

    @Override
    public ReflogReader getReflogReader(Ref ref) throws IOException {
        return delegate.getReflogReader(ref);
    }

    @Override
    public void close() {
        // the delegate belongs to the caller
    }
}
