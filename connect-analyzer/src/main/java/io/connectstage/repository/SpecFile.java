package io.connectstage.repository;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The specification file as found at a tag: its raw bytes and the id of the commit the tag
 * resolved to. Immutable: the bytes are copied in and out.
 *
 * <pre>{@code
 * SpecFile spec = new SpecFile("3f2a…", "deployAs: []\n".getBytes(StandardCharsets.UTF_8));
 * spec.size();   // 13
 * }</pre>
 */
public final class SpecFile {

    private final String commitId;
    private final byte[] content;

    public SpecFile(String commitId, byte[] content) {
        this.commitId = Objects.requireNonNull(commitId, "commitId is null");
        this.content = Objects.requireNonNull(content, "content is null").clone();
    }

    /** The full hexadecimal id of the commit the tag points to (after peeling an annotated tag). */
    public String commitId() {
        return commitId;
    }

    /** A copy of the bytes of the file. */
    public byte[] content() {
        return content.clone();
    }

    /** The bytes of the file read as UTF-8. */
    public String contentAsUtf8() {
        return new String(content, StandardCharsets.UTF_8);
    }

    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpecFile
                && commitId.equals(((SpecFile) other).commitId)
                && Arrays.equals(content, ((SpecFile) other).content);
    }

    @Override
    public int hashCode() {
        return 31 * commitId.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "SpecFile[commitId=" + commitId + ", size=" + content.length + "]";
    }
}
