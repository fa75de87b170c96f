package org.integrationevidence.oai;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The six verbs of the protocol, with the arguments each requires and allows besides {@code verb}. */
enum Verb {
    Identify(Set.of(), Set.of(), false),
    ListMetadataFormats(Set.of(), Set.of("identifier"), false),
    ListSets(Set.of(), Set.of(), true),
    ListIdentifiers(Set.of("metadataPrefix"), Set.of("from", "until", "set"), true),
    ListRecords(Set.of("metadataPrefix"), Set.of("from", "until", "set"), true),
    GetRecord(Set.of("identifier", "metadataPrefix"), Set.of(), false);

    final Set<String> required;
    final Set<String> optional;
    /** Takes an exclusive {@code resumptionToken} instead of its other arguments. */
    final boolean resumable;

    Verb(Set<String> required, Set<String> optional, boolean resumable) {
        this.required = required;
        this.optional = optional;
        this.resumable = resumable;
    }

    static Optional<Verb> named(String name) {
        return Arrays.stream(values()).filter(verb -> verb.name().equals(name)).findFirst();
    }

    boolean allows(String argument) {
        return required.contains(argument) || optional.contains(argument) || (resumable && "resumptionToken".equals(argument));
    }
}
