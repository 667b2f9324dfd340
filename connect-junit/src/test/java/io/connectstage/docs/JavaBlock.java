package io.connectstage.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ```java} block of a Markdown page: the page's name, the line of its opening fence,
 * and its text, which must be a whole compilation unit (imports and a class).
 */
record JavaBlock(String page, int fenceLine, String source) {
    private static final Pattern TYPE = Pattern.compile(
            "^(?:public\\s+|final\\s+|abstract\\s+|sealed\\s+)*(?:class|record|interface|enum)\\s+(\\w+)", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    JavaBlock {
        Objects.requireNonNull(page, "page is null");
        Objects.requireNonNull(source, "source is null");
    }

    /** Every {@code ```java} block of the page, in order. */
    static List<JavaBlock> of(String page, String markdown) {
        List<JavaBlock> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].strip().equals("```java")) {
                continue;
            }
            int fence = i + 1;
            StringBuilder text = new StringBuilder();
            i++;
            while (i < lines.length && !lines[i].strip().equals("```")) {
                text.append(lines[i]).append('\n');
                i++;
            }
            blocks.add(new JavaBlock(page, fence, text.toString()));
        }
        return blocks;
    }

    /**
     * The file name javac wants: the first top-level type's, in the folders of its package, so that
     * a public class compiles; a block without a type is named after its line and fails to compile.
     */
    String fileName() {
        Matcher type = TYPE.matcher(source);
        String name = type.find() ? type.group(1) : "Line" + fenceLine;
        Matcher pkg = PACKAGE.matcher(source);
        return (pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "") + name + ".java";
    }

    /** {@code README.md:42}: where the block's fence is. */
    String where() {
        return page + ":" + fenceLine;
    }
}
