package org.hypomag.cds.knowledge;

/** What every knowledge file starts with: its id (the file name without .yaml) and its own version. */
interface KnowledgeDoc {

    String id();

    String version();
}
