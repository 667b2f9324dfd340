/**
 * The port that reads a connector's specification file out of its git repository:
 * {@link io.connectstage.repository.RepositorySource} answers, for a
 * {@link io.connectstage.connector.Repository} (URL and tag), either the bytes of
 * {@code connect.yaml} at the root of that tag with the commit they came from, or one
 * {@link io.connectstage.repository.RepositoryProblem} whose kind is the Connect error to report.
 * {@link io.connectstage.repository.GitRepositorySource} is the JGit implementation: it fetches
 * only the tag, shallow where the transport allows, into a throw-away bare repository, reads the
 * file without a working tree, and maps every failure to a problem value whose text never carries
 * the credentials of the URL. Parsing the bytes is not done here.
 */
package io.connectstage.repository;
