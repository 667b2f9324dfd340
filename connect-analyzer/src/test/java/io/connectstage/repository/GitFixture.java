package io.connectstage.repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevCommit;

/** A non-bare repository made by a test: write or stage entries, commit, tag. */
public final class GitFixture implements AutoCloseable {

    private static final PersonIdent AUTHOR = new PersonIdent("Fixture", "fixture@example.com");

    final Path dir;
    final Git git;

    private GitFixture(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    public static GitFixture init(Path dir) throws GitAPIException {
        return new GitFixture(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
    }

    /** Writes a file in the working tree and adds it. */
    public GitFixture write(String path, String content) throws IOException, GitAPIException {
        return write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public GitFixture write(String path, byte[] content) throws IOException, GitAPIException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        git.add().addFilepattern(path).call();
        return this;
    }

    public GitFixture remove(String path) throws GitAPIException {
        git.rm().addFilepattern(path).call();
        return this;
    }

    /** Puts an entry straight into the index, whatever its mode: symlinks and submodules without the file system. */
    GitFixture stage(String path, FileMode mode, byte[] content) throws IOException {
        ObjectId id;
        try (ObjectInserter inserter = git.getRepository().newObjectInserter()) {
            id = inserter.insert(Constants.OBJ_BLOB, content);
            inserter.flush();
        }
        return stage(Map.of(path, id), mode, content.length);
    }

    GitFixture stageGitlink(String path, ObjectId commit) throws IOException {
        return stage(Map.of(path, commit), FileMode.GITLINK, 0);
    }

    /**
     * Many files at once, each with its own content, through one index edit; the blobs go into
     * one pack, written here and parsed with JGit's public PackParser (thousands of loose objects
     * take seconds to write).
     */
    GitFixture stageMany(Map<String, String> files) throws IOException {
        java.io.ByteArrayOutputStream pack = new java.io.ByteArrayOutputStream();
        pack.write(new byte[] {'P', 'A', 'C', 'K', 0, 0, 0, 2});
        pack.write(java.nio.ByteBuffer.allocate(4).putInt(files.size()).array());
        ObjectInserter.Formatter ids = new ObjectInserter.Formatter();
        DirCache index = git.getRepository().lockDirCache();
        try (ObjectInserter inserter = git.getRepository().newObjectInserter()) {
            DirCacheEditor editor = index.editor();
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
                pack.write(HostileGitServer.objectHeader(Constants.OBJ_BLOB, bytes.length));
                pack.write(HostileGitServer.deflate(bytes));
                editor.add(edit(file.getKey(), FileMode.REGULAR_FILE, ids.idFor(Constants.OBJ_BLOB, bytes), bytes.length));
            }
            try {
                pack.write(java.security.MessageDigest.getInstance("SHA-1").digest(pack.toByteArray()));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            inserter.newPackParser(new java.io.ByteArrayInputStream(pack.toByteArray()))
                    .parse(org.eclipse.jgit.lib.NullProgressMonitor.INSTANCE);
            inserter.flush();
            editor.commit();
        } finally {
            index.unlock();
        }
        return this;
    }

    private GitFixture stage(Map<String, ObjectId> entries, FileMode mode, int length) throws IOException {
        DirCache index = git.getRepository().lockDirCache();
        try {
            DirCacheEditor editor = index.editor();
            entries.forEach((path, id) -> editor.add(edit(path, mode, id, length)));
            editor.commit();
        } finally {
            index.unlock();
        }
        return this;
    }

    private static DirCacheEditor.PathEdit edit(String path, FileMode mode, ObjectId id, int length) {
        return new DirCacheEditor.PathEdit(path) {
            @Override
            public void apply(DirCacheEntry entry) {
                entry.setFileMode(mode);
                entry.setObjectId(id);
                entry.setLength(length);
            }
        };
    }

    public RevCommit commit(String message) throws GitAPIException {
        return git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
    }

    public GitFixture lightweightTag(String name) throws GitAPIException {
        git.tag().setName(name).setAnnotated(false).call();
        return this;
    }

    public GitFixture annotatedTag(String name) throws GitAPIException {
        git.tag().setName(name).setAnnotated(true).setMessage("release " + name).setTagger(AUTHOR).setSigned(false).call();
        return this;
    }

    public GitFixture branch(String name) throws GitAPIException {
        git.branchCreate().setName(name).call();
        return this;
    }

    /** An annotated tag whose target is the tree of HEAD rather than a commit. */
    GitFixture tagOfTree(String name) throws IOException {
        var repo = git.getRepository();
        ObjectId tree = repo.resolve("HEAD^{tree}");
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            TagBuilder tag = new TagBuilder();
            tag.setObjectId(tree, Constants.OBJ_TREE);
            tag.setTag(name);
            tag.setTagger(AUTHOR);
            tag.setMessage("a tree");
            ObjectId id = inserter.insert(tag);
            inserter.flush();
            RefUpdate update = repo.updateRef(Constants.R_TAGS + name);
            update.setNewObjectId(id);
            update.update();
        }
        return this;
    }

    /** A bare copy of this repository with every branch and tag, at {@code target}. */
    public Path bareCopy(Path target) throws GitAPIException {
        Git.init().setBare(true).setDirectory(target.toFile()).call().close();
        git.push().setRemote(target.toUri().toString()).setPushAll().setPushTags().call();
        return target;
    }

    @Override
    public void close() {
        git.close();
    }
}
