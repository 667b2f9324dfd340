package io.connectstage.repository;

import static io.connectstage.repository.RepositoryProblem.Kind.CONNECTOR_SPECIFICATION_FILE_NOT_FOUND;
import static io.connectstage.repository.RepositoryProblem.Kind.CONNECTOR_SPECIFICATION_FILE_NOT_VALID;
import static io.connectstage.repository.RepositoryProblem.Kind.GIT_REPOSITORY_NOT_REACHABLE;
import static io.connectstage.repository.RepositorySource.SPEC_FILE;

import io.vavr.control.Either;
import java.io.IOException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads {@code connect.yaml} from the tree of a fetched tag without a working tree: the tag is
 * peeled to its commit, the entry found by path, its mode and its size (from the pack header)
 * checked before a byte of it is read.
 */
final class SpecTreeReader {

    /** Makes the problem values of one attempt (its URL and tag, its redaction). */
    interface Problems {
        RepositoryProblem issue(RepositoryProblem.Kind kind, String detail);
    }

    private final long maxSpecSize;

    SpecTreeReader(long maxSpecSize) {
        this.maxSpecSize = maxSpecSize;
    }

    /** What the tag points to once peeled: a commit, or a problem saying it is none. */
    static Either<String, RevCommit> peelToCommit(Repository repository, AnyObjectId tagTarget, String tag) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevObject target = walk.peel(walk.parseAny(tagTarget));
            if (!(target instanceof RevCommit)) {
                return Either.left("the tag '" + tag + "' does not point to a commit (it names a "
                        + Constants.typeString(target.getType()) + ")");
            }
            return Either.right((RevCommit) target);
        }
    }

    Either<RepositoryProblem, SpecFile> read(Repository local, String tag, Problems problems) throws IOException {
        org.eclipse.jgit.lib.Ref ref = local.exactRef(Constants.R_TAGS + tag);
        if (ref == null || ref.getObjectId() == null) {
            return Either.left(problems.issue(GIT_REPOSITORY_NOT_REACHABLE, "the repository has no tag '" + tag + "'"));
        }
        Either<String, RevCommit> peeled = peelToCommit(local, ref.getObjectId(), tag);
        if (peeled.isLeft()) {
            return Either.left(problems.issue(GIT_REPOSITORY_NOT_REACHABLE, peeled.getLeft()));
        }
        RevCommit commit = peeled.get();
        try (ObjectReader reader = local.newObjectReader();
             TreeWalk entry = TreeWalk.forPath(reader, SPEC_FILE, commit.getTree())) {
            if (entry == null) {
                return Either.left(problems.issue(CONNECTOR_SPECIFICATION_FILE_NOT_FOUND,
                        "there is no " + SPEC_FILE + " at the root of the tag"));
            }
            switch (entry.getRawMode(0) & FileMode.TYPE_MASK) {
                case FileMode.TYPE_FILE:
                    return readBlob(reader, entry.getObjectId(0), commit, problems);
                case FileMode.TYPE_TREE:
                    return Either.left(problems.issue(CONNECTOR_SPECIFICATION_FILE_NOT_FOUND,
                            SPEC_FILE + " at the root of the tag is a directory, not a file"));
                case FileMode.TYPE_SYMLINK:
                    return Either.left(problems.issue(CONNECTOR_SPECIFICATION_FILE_NOT_VALID,
                            SPEC_FILE + " is a symbolic link; it must be a regular file"));
                case FileMode.TYPE_GITLINK:
                    return Either.left(problems.issue(CONNECTOR_SPECIFICATION_FILE_NOT_VALID,
                            SPEC_FILE + " is a submodule; it must be a regular file"));
                default:
                    return Either.left(problems.issue(CONNECTOR_SPECIFICATION_FILE_NOT_VALID, SPEC_FILE
                            + " is not a regular file (mode " + Integer.toOctalString(entry.getRawMode(0)) + ")"));
            }
        }
    }

    private Either<RepositoryProblem, SpecFile> readBlob(ObjectReader reader, ObjectId blob, RevCommit commit,
                                                         Problems problems) throws IOException {
        long size = reader.getObjectSize(blob, Constants.OBJ_BLOB); // from the pack header, not the content
        if (size > maxSpecSize) {
            return Either.left(problems.issue(CONNECTOR_SPECIFICATION_FILE_NOT_VALID,
                    SPEC_FILE + " is " + size + " bytes, more than the limit of " + maxSpecSize + " bytes"));
        }
        byte[] bytes = reader.open(blob, Constants.OBJ_BLOB).getCachedBytes((int) maxSpecSize);
        return Either.right(new SpecFile(commit.name(), bytes));
    }
}
