/**
 * The port that reads a connector's specification file out of its repository:
 * {@link io.connectstage.repository.RepositorySource} answers, for a
 * {@link io.connectstage.connector.Repository} (URL and tag), either the bytes of
 * {@code connect.yaml} with the commit they came from, or one
 * {@link io.connectstage.repository.RepositoryProblem} whose kind is the Connect error to report.
 * {@link io.connectstage.repository.GitRepositorySource} is the JGit implementation: it checks the
 * URL ({@link io.connectstage.repository.RepositoryUrl}, parsed in one pass) against a
 * {@link io.connectstage.repository.RepositoryReach} policy, fetches only the tag within a deadline
 * and download caps into a throw-away bare repository, reads the file without a working tree, and
 * maps every failure to a problem value whose text never carries the credentials of the URL.
 * {@link io.connectstage.repository.DirectorySource} reads a folder on this machine the same way.
 * Parsing the bytes is not done here.
 */
package io.connectstage.repository;
