package org.integrationevidence.oai;

/** A set as ListSets shows it. */
record OaiSet(String spec, String name) {
}
