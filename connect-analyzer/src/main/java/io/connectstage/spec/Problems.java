package io.connectstage.spec;

import io.vavr.collection.Seq;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems of one file as they are found, within a budget: at most {@value #MAX_PROBLEMS}
 * problems and {@value #MAX_CHARACTERS} characters of paths and messages, then one last problem
 * that says how many more were found. A hostile file can hold a problem every few bytes; what it
 * costs to report them stays bounded whatever the file holds.
 */
final class Problems {
    static final int MAX_PROBLEMS = 1_000;
    static final int MAX_CHARACTERS = 256 * 1024;

    private final List<SpecProblem> problems = new ArrayList<>();
    private long characters;
    private long dropped;

    void add(String path, String message) {
        if (dropped > 0 || problems.size() >= MAX_PROBLEMS
                || characters + path.length() + message.length() > MAX_CHARACTERS) {
            dropped++;
            return;
        }
        characters += path.length() + message.length();
        problems.add(new SpecProblem(path, message));
    }

    void add(SpecProblem problem) {
        add(problem.path(), problem.message());
    }

    /** True once no more problems are kept: callers may skip building their messages. */
    boolean isFull() {
        return dropped > 0 || problems.size() >= MAX_PROBLEMS || characters >= MAX_CHARACTERS;
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    Seq<SpecProblem> toSeq() {
        io.vavr.collection.List<SpecProblem> all = io.vavr.collection.List.ofAll(problems);
        return dropped == 0 ? all : all.append(new SpecProblem("", "and " + dropped
                + " more problems not listed (at most " + MAX_PROBLEMS + " problems are reported)"));
    }
}
