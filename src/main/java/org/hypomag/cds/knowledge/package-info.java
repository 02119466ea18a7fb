/**
 * Loading and validating the knowledge files (src/main/resources/knowledge/*.yaml), all through one path:
 * {@link org.hypomag.cds.knowledge.KnowledgeLoader} reads the manifest and binds every file it lists to records
 * with Jackson YAML plus Jakarta Bean Validation, then runs each file's own and the cross-file checks; every
 * problem carries file:line:column, and all of them are reported before the service refuses to start.
 * May import {@code clinical} (the records it builds) and no other project package.
 */
package org.hypomag.cds.knowledge;
